// #/portal — the lawyer portal (id="lawyer-portal"): welcome, the centres with their detention
// centres and opening periods today and the next 7 days, and a change-password action.
// #/portal/<page> — pages of installed features (e.g. booking), linked in the portal's navigation
// (id="portal-nav"); their banners (e.g. the qualification) are shown above every page.
import { api } from '../api.js';
import { t, isoDate, formatDay, hhmm } from '../i18n.js';
import { h, loading, errorBox } from '../dom.js';
import { href } from '../router.js';
import { visiblePortalPages, visiblePortalBanners } from '../sections/registry.js';
import { header } from './shell.js';

const DAYS_AHEAD = 7;

export async function renderPortal(root, app, params = [], focusTitle = false) {
  const pages = visiblePortalPages(app.capabilities);
  const [wanted, ...rest] = params;
  const page = pages.find(p => p.id === wanted) || null;
  if (wanted && !page) history.replaceState(null, '', '#/portal');
  const nav = pages.length ? h('nav', { class: 'portal-nav', id: 'portal-nav', 'aria-label': t('nav.portalPages') },
    h('ul', null,
      h('li', null, h('a', { href: '#/portal', id: 'nav-portal-home', 'aria-current': page ? null : 'page' }, t('nav.portalHome'))),
      pages.map(p => h('li', null, h('a', { href: href('portal', p.id), id: p.navId || `nav-${p.id}`,
        'aria-current': p === page ? 'page' : null }, t(p.titleKey)))))) : null;
  const banners = h('div', { id: 'portal-banners' });
  const content = h('div', { id: 'portal-content' });
  const main = h('main', { id: 'main', class: 'narrow', tabindex: '-1' }, banners, content);
  root.replaceChildren(h('div', { class: 'view portal', id: 'lawyer-portal', 'data-page': page?.id ?? 'home' },
    header(app, 'portal'), nav, main));

  const ctx = { session: app.session, params: rest, capabilities: app.capabilities, rerender: () => app.render() };
  for (const banner of visiblePortalBanners(app.capabilities)) {
    const box = h('div');
    banners.append(box);
    Promise.resolve(banner.render(box, ctx)).catch(error => console.error(error));
  }
  try {
    if (page) await page.render(content, ctx);
    else await renderHome(content, app);
  } catch (error) {
    console.error(error);
    content.append(h('div', { class: 'error-box', role: 'alert' }, t('problem.unexpected', { detail: error.message })));
  }
  if (focusTitle && main.isConnected) (main.querySelector('h1') || main).focus();
}

async function renderHome(container, app) {
  const s = app.session;
  const centresBox = h('div', { id: 'portal-centres', class: 'cards' }, loading());
  container.replaceChildren(
    h('section', { class: 'welcome panel' },
      h('h1', { id: 'portal-welcome' }, t('portal.welcome', { name: s.displayName || s.username })),
      h('p', null, t('portal.intro')),
      h('p', { class: 'actions' }, h('a', { href: '#/password', class: 'btn', id: 'change-password' }, t('portal.changePassword')))),
    h('section', { 'aria-labelledby': 'portal-centres-title' },
      h('h2', { id: 'portal-centres-title' }, t('portal.centres')),
      h('p', { class: 'muted' }, t('portal.centresIntro')),
      centresBox));

  let centres;
  try {
    centres = await api.get('/centres');
  } catch (error) {
    centresBox.replaceChildren(errorBox(error));
    return;
  }
  if (!centres.length) {
    centresBox.replaceChildren(h('p', { class: 'muted' }, t('portal.noCentres')));
    return;
  }
  const dates = Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => isoDate(i));
  centresBox.replaceChildren(...centres.map(c => centreCard(c, dates)));
}

function centreCard(centre, dates) {
  const dcBox = h('div', null, loading());
  const hoursBox = h('div', null, loading());
  const titleId = `centre-${centre.id}-title`;
  const card = h('article', { class: 'card', id: `portal-centre-${centre.id}`, 'aria-labelledby': titleId },
    h('h3', { id: titleId }, centre.name),
    h('dl', { class: 'details compact' },
      centre.address ? [h('dt', null, t('field.address')), h('dd', null, centre.address)] : null,
      centre.phone ? [h('dt', null, t('field.phone')), h('dd', null, h('a', { href: `tel:${centre.phone.replace(/\s/g, '')}` }, centre.phone))] : null),
    h('h4', null, t('portal.detentionCentres')), dcBox,
    h('h4', null, t('portal.opening')), hoursBox);

  api.get(`/centres/${centre.id}/detention-centres`).then(list => {
    dcBox.replaceChildren(list.length
      ? h('ul', { class: 'plain' }, list.map(d => h('li', null, d.name)))
      : h('p', { class: 'muted' }, t('portal.noDetentionCentres')));
  }, error => dcBox.replaceChildren(errorBox(error)));

  Promise.all(dates.map(d => api.get(`/centres/${centre.id}/opening?date=${d}`))).then(openings => {
    hoursBox.replaceChildren(h('ul', { class: 'days-list' }, dates.map((date, i) => {
      const periods = openings[i] || [];
      return h('li', { class: `${i === 0 ? 'today' : ''} ${periods.length ? 'open' : 'closed'}`.trim() },
        h('span', { class: 'day-label' }, i === 0 ? t('portal.today', { day: formatDay(date) }) : formatDay(date)),
        h('span', { class: 'day-periods' }, periods.length
          ? periods.map(p => h('span', { class: 'period' }, `${hhmm(p.start)}–${hhmm(p.end)}`))
          : t('portal.closed')));
    })));
  }, error => hoursBox.replaceChildren(errorBox(error)));

  return card;
}
