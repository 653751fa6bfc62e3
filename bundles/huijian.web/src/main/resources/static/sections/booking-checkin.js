// 签到 — a centre's bookings of a day for check-in (staff): centre and date (today by default) →
// GET /api/centres/{id}/day in checkin-table; by status: checkin-<bookingId> and noshow-<bookingId>
// (approved), complete-<bookingId> (checked in or in a meeting).
import { api, query } from '../api.js';
import { t, isoDate, formatDay } from '../i18n.js';
import { h, field, makeForm, panel, table, button, act, notify, loading, errorBox, optionsOf } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle } from './common.js';
import { STAFF, statusBadge, period, reasonPanel, openPanel } from './booking-common.js';

registerSection({
  id: 'checkin', capability: 'booking', roles: STAFF, titleKey: 'nav.checkin', order: 63, render: renderCheckin,
});

async function renderCheckin(container) {
  const head = sectionTitle(t('nav.checkin'), h('p', { class: 'muted' }, t('checkin.intro')));
  container.replaceChildren(head, loading());
  let centres;
  try {
    centres = await api.get('/centres');
  } catch (error) {
    container.replaceChildren(head, errorBox(error));
    return;
  }
  const result = h('div', { id: 'checkin-result', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('checkin.choose')));
  const actionBox = h('div', { id: 'checkin-action' });
  let shown = null; // { centreId, date }

  const refresh = async () => {
    const { centreId, date } = shown;
    const lines = await api.get(`/centres/${centreId}/day` + query({ date }));
    lines.sort((a, b) => String(a.start).localeCompare(String(b.start)));
    const centre = centres.find(c => c.id === centreId);
    result.replaceChildren(h('h3', { id: 'checkin-title' }, `${centre?.name ?? ''} · ${formatDay(date, true)}`),
      table({
        id: 'checkin-table', caption: t('nav.checkin'), rows: lines, empty: t('checkin.none'),
        rowClass: l => `status-${l.status}`,
        columns: [
          { label: t('daily.time'), cell: l => period(l.start, l.end), class: 'nowrap' },
          { label: t('booking.reference'), cell: l => l.reference },
          { label: t('terminals.position'), cell: l => l.position },
          { label: t('role.lawyer'), cell: l => l.lawyer },
          { label: t('field.licenceNo'), cell: l => h('code', null, l.licenceNo) },
          { label: t('common.status'), cell: l => statusBadge(l.status) },
          { label: t('common.actions'), cell: actions },
        ],
      }));
  };

  const step = (l, path, message) => e => act(e.currentTarget, async () => {
    await api.post(`/bookings/${l.bookingId}/${path}`, {});
    await refresh();
  }, t(message, { reference: l.reference, name: l.lawyer }));

  function actions(l) {
    const out = [];
    if (l.status === 'APPROVED') {
      out.push(button(t('checkin.checkIn'), step(l, 'check-in', 'checkin.checkedIn'),
        { kind: 'small primary', id: `checkin-${l.bookingId}`, 'aria-label': t('checkin.checkInNamed', { name: l.lawyer, reference: l.reference }) }));
      out.push(button(t('checkin.noShow'), () => noShow(l), { kind: 'small', id: `noshow-${l.bookingId}`,
        'aria-label': t('checkin.noShowNamed', { name: l.lawyer, reference: l.reference }) }));
    }
    if (l.status === 'CHECKED_IN' || l.status === 'IN_MEETING') {
      out.push(button(t('checkin.complete'), step(l, 'complete', 'checkin.completed'),
        { kind: 'small', id: `complete-${l.bookingId}`, 'aria-label': t('checkin.completeNamed', { name: l.lawyer, reference: l.reference }) }));
    }
    return h('span', { class: 'row-actions' }, out);
  }

  const close = () => actionBox.replaceChildren();
  function noShow(l) {
    openPanel(actionBox, reasonPanel({
      id: 'noshow-form', title: t('checkin.noShowTitle', { name: l.lawyer, reference: l.reference }),
      label: t('checkin.noShowReason'), submitLabel: t('checkin.noShow'), required: false, onClose: close,
      onSubmit: async reason => {
        await api.post(`/bookings/${l.bookingId}/no-show`, { reason });
        close();
        notify(t('checkin.noShowDone', { reference: l.reference }));
        await refresh();
      },
    }));
  }

  const f = 'checkin-form';
  const form = makeForm({
    id: f, submitLabel: t('common.show'), className: 'inline-form',
    children: [
      field(f, { name: 'centreId', label: t('terminals.centre'), type: 'select', dataType: 'number', required: true,
        value: centres.length === 1 ? centres[0].id : null, options: optionsOf(centres, { empty: t('common.choose') }) }),
      field(f, { name: 'date', label: t('field.date'), type: 'date', required: true, value: isoDate() }),
    ],
    onSubmit: async values => {
      shown = { centreId: values.centreId, date: values.date };
      close();
      result.replaceChildren(loading());
      try {
        await refresh();
      } catch (error) {
        result.replaceChildren(errorBox(error));
      }
    },
  });

  container.replaceChildren(head, panel(t('checkin.choose'), form), actionBox, panel(t('checkin.day'), result));
  if (centres.length === 1) form.requestSubmit();
}
