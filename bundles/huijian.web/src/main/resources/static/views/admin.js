// #/admin/<section>/... — the admin console (id="admin-console"): a side navigation of the sections
// that the site's capabilities and the user's roles allow, and the chosen section.
import { t } from '../i18n.js';
import { h } from '../dom.js';
import { href } from '../router.js';
import { visibleSections } from '../sections/registry.js';
import { header } from './shell.js';

export async function renderAdmin(root, app, params, focusTitle) {
  const sections = visibleSections(app.capabilities, app.session.roles);
  const [wanted, ...rest] = params;
  const roles = app.session.roles;
  const section = sections.find(s => s.id === wanted)
    || sections.find(s => (s.landingFor || []).some(r => roles.includes(r))) || sections[0];
  if (section && section.id !== wanted) history.replaceState(null, '', href('admin', section.id));

  const nav = h('nav', { class: 'sidenav', 'aria-label': t('nav.sections') },
    h('ul', null, sections.map(s => h('li', null,
      h('a', { href: href('admin', s.id), id: `nav-${s.id}`, 'aria-current': s === section ? 'page' : null }, t(s.titleKey))))));
  const main = h('main', { id: 'main', class: 'content', tabindex: '-1' });
  root.replaceChildren(h('div', { class: 'view console', id: 'admin-console', 'data-section': section?.id ?? '' },
    header(app, 'admin'),
    h('div', { class: 'console-body' }, nav, main)));

  if (!section) {
    main.replaceChildren(h('h1', null, t('admin.title')), h('p', null, t('admin.noSections')));
    return;
  }
  const ctx = {
    session: app.session,
    params: rest,
    canWrite: app.session.roles.includes('site-admin'),
    capabilities: app.capabilities,
    rerender: () => app.render(),
  };
  try {
    await section.render(main, ctx);
  } catch (error) {
    console.error(error);
    main.append(h('div', { class: 'error-box', role: 'alert' }, t('problem.unexpected', { detail: error.message })));
  }
  if (focusTitle && main.isConnected) (main.querySelector('h1') || main).focus();
}
