// 提押单 — a detention centre's daily list (staff): detention centre and date → GET
// /api/detention-centres/{id}/daily in daily-table; daily-print prints only the list, under its title.
import { api, query } from '../api.js';
import { t, isoDate, formatDay, formatInstant } from '../i18n.js';
import { h, field, makeForm, panel, table, button, loading, errorBox, optionsOf } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle } from './common.js';
import { STAFF, statusBadge, period } from './booking-common.js';

registerSection({
  id: 'daily', capability: 'booking', roles: STAFF, titleKey: 'nav.daily', order: 62, render: renderDaily,
});

async function renderDaily(container) {
  const head = sectionTitle(t('nav.daily'), h('p', { class: 'muted' }, t('daily.intro')));
  container.replaceChildren(head, loading());
  let detentionCentres;
  try {
    detentionCentres = await api.get('/detention-centres');
  } catch (error) {
    container.replaceChildren(head, errorBox(error));
    return;
  }
  const result = h('section', { class: 'panel print-area', id: 'daily-result', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, t('daily.choose')));
  const f = 'daily-form';
  const form = makeForm({
    id: f, submitLabel: t('common.show'), className: 'inline-form',
    children: [
      field(f, { name: 'detentionCentreId', label: t('terminals.detentionCentre'), type: 'select', dataType: 'number',
        required: true, value: detentionCentres.length === 1 ? detentionCentres[0].id : null,
        options: optionsOf(detentionCentres, { empty: t('common.choose') }) }),
      field(f, { name: 'date', label: t('field.date'), type: 'date', required: true, value: isoDate() }),
    ],
    onSubmit: async values => {
      result.replaceChildren(loading());
      const lines = await api.get(`/detention-centres/${values.detentionCentreId}/daily` + query({ date: values.date }))
        .catch(error => { result.replaceChildren(h('p', { class: 'muted' }, t('daily.choose'))); throw error; });
      const dc = detentionCentres.find(d => d.id === values.detentionCentreId);
      lines.sort((a, b) => String(a.start).localeCompare(String(b.start)));
      showList(dc, values.date, lines);
    },
  });

  function showList(dc, date, lines) {
    const print = button(t('daily.print'), () => window.print(), { id: 'daily-print', kind: 'primary', disabled: !lines.length });
    result.replaceChildren(
      h('div', { class: 'print-head' },
        h('h2', { id: 'daily-title', class: 'panel-title' }, t('daily.title', { name: dc?.name ?? '', date: formatDay(date, true) })),
        h('p', { class: 'muted print-meta' }, t('daily.count', { count: lines.length }), ' · ',
          t('daily.printedAt', { at: formatInstant(new Date().toISOString()) }))),
      table({
        id: 'daily-table', caption: t('nav.daily'), rows: lines, empty: t('daily.none'),
        columns: [
          { label: t('daily.time'), cell: l => period(l.start, l.end), class: 'nowrap' },
          { label: t('booking.reference'), cell: l => l.reference },
          { label: t('detainees.code'), cell: l => l.detaineeCode },
          { label: t('daily.detainee'), cell: l => l.detaineeName },
          { label: t('daily.terminal'), cell: l => l.terminal },
          { label: t('role.lawyer'), cell: l => l.lawyer },
          { label: t('lawyers.lawFirm'), cell: l => l.lawFirm },
          { label: t('terminals.centre'), cell: l => l.centre },
          { label: t('common.status'), cell: l => statusBadge(l.status) },
        ],
      }),
      h('p', { class: 'form-actions no-print-gap' }, print));
  }

  container.replaceChildren(head, panel(t('daily.choose'), form), result);
  if (detentionCentres.length === 1) form.requestSubmit();
}
