// 审计日志 — the audit chain (auditor, site-admin): latest events with an action filter, more on
// request, and a check of the hash chain.
import { api, query } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, field, makeForm, panel, table, badge, button, loading, errorBox, problemMessage } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle } from './common.js';

const PAGE = 50;
const MAX = 1000; // the server's largest limit

registerSection({
  id: 'audit', capability: 'core', roles: ['auditor', 'site-admin'], titleKey: 'nav.audit', order: 90, render: renderAudit,
});

async function renderAudit(container) {
  let action = null;
  let limit = PAGE;
  const knownActions = new Set();
  const datalist = h('datalist', { id: 'audit-actions' });
  const list = h('div', { id: 'audit-list' });
  const more = button(t('audit.more'), () => { limit = Math.min(limit + PAGE, MAX); refresh(); }, { id: 'audit-more', hidden: true });
  const count = h('p', { class: 'muted', id: 'audit-count', 'aria-live': 'polite' });

  const refresh = async () => {
    more.disabled = true;
    if (!list.firstChild) list.replaceChildren(loading());
    try {
      const events = await api.get('/audit/latest' + query({ action, limit }));
      events.forEach(e => knownActions.add(e.action));
      datalist.replaceChildren(...[...knownActions].sort().map(a => h('option', { value: a })));
      list.replaceChildren(table({
        id: 'audit-table', caption: t('audit.events'), rows: events, empty: t('audit.none'),
        columns: [
          { label: t('audit.seq'), cell: e => String(e.seq), class: 'num' },
          { label: t('audit.at'), cell: e => h('time', { datetime: e.at }, formatInstant(e.at)), class: 'nowrap' },
          { label: t('audit.actor'), cell: e => e.actor || '' },
          { label: t('audit.origin'), cell: e => e.origin || '' },
          { label: t('audit.action'), cell: e => h('code', null, e.action) },
          { label: t('audit.target'), cell: e => e.target || '' },
          { label: t('audit.detail'), cell: e => e.detail || '', class: 'wrap' },
          { label: t('audit.hash'), cell: e => h('code', { title: e.hash, class: 'hash' }, (e.hash || '').slice(0, 12)) },
        ],
      }));
      count.textContent = t('audit.count', { count: events.length });
      more.hidden = events.length < limit || limit >= MAX;
    } catch (error) {
      list.replaceChildren(errorBox(error));
    } finally {
      more.disabled = false;
    }
  };

  const filter = makeForm({
    id: 'audit-filter', submitLabel: t('common.show'), className: 'inline-form',
    children: [field('audit-filter', { name: 'action', label: t('audit.action'), hint: t('audit.actionHint'),
      attrs: { list: 'audit-actions', autocomplete: 'off', spellcheck: 'false' } })],
    onSubmit: async values => {
      action = values.action;
      limit = PAGE;
      await refresh();
    },
  });

  const verifyResult = h('div', { id: 'audit-verify-result', role: 'status', 'aria-live': 'polite' });
  const verify = button(t('audit.verify'), async e => {
    const btn = e.currentTarget;
    btn.disabled = true;
    verifyResult.replaceChildren(loading());
    try {
      const r = await api.get('/audit/verify');
      verifyResult.replaceChildren(h('div', { class: r.intact ? 'verify ok' : 'verify broken' },
        h('p', null, r.intact ? badge(t('audit.intact'), 'ok') : badge(t('audit.broken'), 'off'), ' ',
          t('audit.checked', { count: r.checked })),
        r.intact ? null : h('p', null, t('audit.firstBroken', { seq: r.firstBrokenSeq ?? '—' }), r.problem ? ` — ${r.problem}` : ''),
        r.headHash ? h('p', { class: 'muted' }, t('audit.headHash'), ' ', h('code', { class: 'hash-full' }, r.headHash)) : null,
        h('p', { class: 'muted' }, t('audit.verifiedAt', { at: formatInstant(new Date().toISOString()) }))));
    } catch (error) {
      verifyResult.replaceChildren(h('div', { class: 'error-box' }, problemMessage(error)));
    } finally {
      btn.disabled = false;
    }
  }, { kind: 'primary', id: 'audit-verify' });

  container.replaceChildren(sectionTitle(t('nav.audit')),
    panel(t('audit.chain'), h('p', { class: 'muted' }, t('audit.chainExplain')), verify, verifyResult),
    panel(t('audit.events'), filter, datalist, count, list, h('p', null, more)));
  await refresh();
}
