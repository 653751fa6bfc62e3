// The page header shared by all signed-in screens, and the language toggle shown on every screen.
import { t, getLang, setLang } from '../i18n.js';
import { h, logo, button } from '../dom.js';

export const CONSOLE_ROLES = ['site-admin', 'approver', 'supervisor', 'auditor'];

export function isConsoleUser(session) {
  return !!session && session.roles.some(r => CONSOLE_ROLES.includes(r));
}

export function isLawyer(session) {
  return !!session && session.roles.includes('lawyer');
}

/** id="lang-toggle": shows the other language's name; switches, remembers, re-renders. */
export function langToggle(app) {
  const other = getLang() === 'zh-CN' ? 'en' : 'zh-CN';
  return button(other === 'en' ? 'English' : '中文', async () => {
    await setLang(other);
    await app.render();
    document.getElementById('lang-toggle')?.focus();
  }, { id: 'lang-toggle', kind: 'lang', lang: other, title: t('lang.switchTitle') });
}

export function brand(size = 36) {
  return h('div', { class: 'brand' }, logo(size),
    h('div', { class: 'brand-text' },
      h('span', { class: 'product' }, t('app.name')),
      h('span', { class: 'product-sub', lang: 'en' }, 'Huijian')));
}

/** The header: brand, (console/portal switch), display name, roles, language, sign out. */
export function header(app, current) {
  const s = app.session;
  const links = [];
  if (isConsoleUser(s) && isLawyer(s)) {
    links.push(h('a', { href: '#/admin', 'aria-current': current === 'admin' ? 'page' : null, id: 'nav-console' }, t('nav.console')));
    links.push(h('a', { href: '#/portal', 'aria-current': current === 'portal' ? 'page' : null, id: 'nav-portal' }, t('nav.portal')));
  }
  return h('header', { class: 'topbar' },
    h('div', { class: 'topbar-inner' },
      h('a', { href: '#/', class: 'brand-link', 'aria-label': t('app.homeLink') }, brand()),
      links.length ? h('nav', { class: 'switch', 'aria-label': t('nav.switchLabel') }, links) : null,
      h('div', { class: 'user' },
        h('span', { class: 'user-id' },
          h('span', { class: 'user-name', id: 'user-name' }, s.displayName || s.username),
          h('span', { class: 'user-roles', id: 'user-roles' }, s.roles.map(r => t(`role.${r}`)).join(t('common.listSeparator')))),
        langToggle(app),
        button(t('nav.logout'), () => app.signOut(), { id: 'logout', kind: 'ghost' }))));
}

/** For accounts with no screen here (terminal, integration). */
export function renderDenied(root, app) {
  root.replaceChildren(h('div', { class: 'view', id: 'no-access' }, header(app),
    h('main', { id: 'main', class: 'narrow', tabindex: '-1' },
      h('h1', null, t('denied.title')), h('p', null, t('denied.text')))));
}
