// #/portal/bookings — the lawyer's bookings (my-bookings-table: cancel-<id>, reschedule-<id>, history-<id>)
// and waiting list (waitlist-table: accept-<id>, leave-<id>).
import { api, query } from '../api.js';
import { t, formatDay, formatInstant, isoDate } from '../i18n.js';
import { h, field, makeForm, panel, table, badge, button, act, notify, loading, errorBox } from '../dom.js';
import { registerPortalPage } from './registry.js';
import { statusBadge, when, dateOf, timeOf, period, reasonPanel, openPanel } from './booking-common.js';

registerPortalPage({
  id: 'bookings', capability: 'booking', titleKey: 'nav.myBookings', navId: 'nav-my-bookings', order: 20, render: renderMine,
});

/** Statuses in which the lawyer may still cancel or move a booking, up to the site's cut-off before the start. */
const CHANGEABLE = ['PENDING_APPROVAL', 'APPROVED'];
const WAITLIST_OPEN = ['WAITING', 'OFFERED'];

async function renderMine(container) {
  const title = h('h1', { tabindex: '-1' }, t('mine.title'));
  container.replaceChildren(title, loading());
  let centres = [], detentionCentres = [], policy = null;
  try {
    [centres, detentionCentres, policy] = await Promise.all([api.get('/centres'), api.get('/detention-centres'),
      api.get('/booking-policy').catch(() => null)]);
  } catch (error) {
    container.replaceChildren(title, errorBox(error));
    return;
  }
  const centreName = id => centres.find(c => c.id === id)?.name ?? `#${id}`;
  const dcName = id => detentionCentres.find(d => d.id === id)?.name ?? `#${id}`;
  const place = (centreId, dcId) => h('span', { class: 'place' }, centreName(centreId),
    h('span', { class: 'muted small' }, ` → ${dcName(dcId)}`));

  const list = h('div', { id: 'my-bookings' }, loading());
  const actionBox = h('div', { id: 'booking-action' });
  const waitlist = h('div', { id: 'my-waitlist' }, loading());
  let bookings = [];

  const refresh = async () => {
    try {
      bookings = await api.get('/me/bookings');
      // Coming ones first, soonest first; then past ones, latest first.
      const now = `${isoDate()}T00:00`;
      const past = x => String(x.end) < now;
      bookings.sort((a, b) => past(a) - past(b) || (past(a) ? -1 : 1) * String(a.start).localeCompare(String(b.start)));
      list.replaceChildren(table({
        id: 'my-bookings-table', caption: t('mine.bookings'), rows: bookings, empty: t('mine.none'),
        rowClass: x => `status-${x.status}`,
        columns: [
          { label: t('booking.reference'), cell: x => h('code', null, x.reference) },
          { label: t('booking.when'), cell: x => when(x.start, x.end), class: 'nowrap' },
          { label: t('terminals.centre'), cell: x => place(x.centreId, x.detentionCentreId) },
          { label: t('common.status'), cell: x => statusBadge(x.status) },
          { label: t('booking.reason'), cell: x => x.statusReason || '', class: 'wrap' },
          { label: t('common.actions'), cell: actions },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };

  // The cut-off in the site's own time (bookings are in site time, whatever the phone's zone is).
  const siteNow = () => new Date().toLocaleString('sv-SE', { timeZone: policy?.zone || undefined }).replace(' ', 'T').slice(0, 16);
  const cutoffOf = x => {
    const start = new Date(`${String(x.start).slice(0, 16)}:00Z`);
    start.setUTCHours(start.getUTCHours() - (policy?.cancelCutoffHours ?? 0));
    return start.toISOString().slice(0, 16);
  };

  function actions(x) {
    let open = CHANGEABLE.includes(x.status);
    let note = null;
    if (open && policy) {
      const until = cutoffOf(x);
      open = siteNow() < until;
      note = h('span', { class: 'muted small', id: `changeable-${x.id}` }, open
        ? t('mine.changeableUntil', { when: `${dateOf(until)} ${timeOf(until)}` })
        : t('mine.pastCutoff', { hours: policy.cancelCutoffHours }));
    }
    return h('span', { class: 'row-actions' }, note,
      open ? button(t('mine.cancel'), () => cancel(x), { kind: 'small', id: `cancel-${x.id}`,
        'aria-label': t('mine.cancelNamed', { reference: x.reference }) }) : null,
      open ? button(t('mine.reschedule'), () => reschedule(x), { kind: 'small', id: `reschedule-${x.id}`,
        'aria-label': t('mine.rescheduleNamed', { reference: x.reference }) }) : null,
      button(t('mine.history'), () => history(x), { kind: 'small', id: `history-${x.id}`,
        'aria-label': t('mine.historyNamed', { reference: x.reference }) }));
  }

  const close = () => actionBox.replaceChildren();

  function cancel(x) {
    openPanel(actionBox, reasonPanel({
      id: 'cancel-form', title: t('mine.cancelTitle', { reference: x.reference, when: when(x.start, x.end) }),
      label: t('mine.cancelReason'), submitLabel: t('mine.cancelSubmit'), hint: t('mine.cancelHint'), onClose: close,
      onSubmit: async reason => {
        await api.post(`/bookings/${x.id}/cancel`, { reason });
        close();
        notify(t('mine.cancelled', { reference: x.reference }));
        await refresh();
      },
    }));
  }

  function reschedule(x) {
    const f = 'reschedule-form';
    const free = h('div', { class: 'free-times', id: 'reschedule-free', 'aria-live': 'polite' });
    const form = makeForm({
      id: f, submitLabel: t('mine.rescheduleSubmit'), className: 'inline-form',
      children: [
        field(f, { name: 'date', label: t('field.date'), type: 'date', required: true, value: dateOf(x.start),
          attrs: { min: isoDate() } }),
        field(f, { name: 'start', label: t('mine.start'), type: 'time', required: true, value: timeOf(x.start) }),
      ],
      extraButtons: [button(t('common.close'), close, { kind: 'ghost', id: `${f}-close` })],
      onSubmit: async values => {
        await api.post(`/bookings/${x.id}/reschedule`, { date: values.date, start: values.start });
        close();
        notify(t('mine.rescheduled', { reference: x.reference }));
        await refresh();
      },
    });
    const dateInput = form.querySelector(`#${f}-date`);
    const startInput = form.querySelector(`#${f}-start`);
    // The free slots of the chosen day, as buttons that fill in the time.
    const showFree = async () => {
      if (!dateInput.value) { free.replaceChildren(); return; }
      free.replaceChildren(loading());
      try {
        const a = await api.get('/availability' + query({ centreId: x.centreId, detentionCentreId: x.detentionCentreId,
          date: dateInput.value }));
        const open = a.slots.filter(s => Math.min(s.freePositions, s.freeTerminals) > 0);
        free.replaceChildren(!a.bookable ? h('p', { class: 'muted' }, a.reason || t('book.notBookable'))
          : open.length ? h('p', null, h('span', { class: 'muted' }, t('mine.freeTimes'), ' '), open.map(s =>
            button(period(s.start, s.end), () => { startInput.value = timeOf(s.start); startInput.focus(); },
              { kind: 'small', id: `reschedule-slot-${timeOf(s.start).replace(':', '')}` })))
            : h('p', { class: 'muted' }, t('book.dayFull')));
      } catch (error) {
        free.replaceChildren(errorBox(error));
      }
    };
    dateInput.addEventListener('change', showFree);
    const heading = h('h2', { class: 'panel-title', tabindex: '-1' },
      t('mine.rescheduleTitle', { reference: x.reference, when: when(x.start, x.end) }));
    const box = h('section', { class: 'panel action-panel', id: `${f}-panel` }, heading,
      h('p', { class: 'muted' }, t('mine.rescheduleHint')), form, free);
    box.focusFirst = () => dateInput.focus();
    openPanel(actionBox, box);
    showFree();
  }

  async function history(x) {
    const body = h('div', null, loading());
    const heading = h('h2', { class: 'panel-title', tabindex: '-1' }, t('mine.historyTitle', { reference: x.reference }));
    const box = h('section', { class: 'panel action-panel', id: 'history-panel' }, heading, body,
      h('p', null, button(t('common.close'), close, { kind: 'small', id: 'history-close' })));
    openPanel(actionBox, box);
    try {
      const events = await api.get(`/bookings/${x.id}/history`);
      body.replaceChildren(table({
        id: 'history-table', caption: heading.textContent, rows: events,
        columns: [
          { label: t('audit.at'), cell: e => formatInstant(e.at), class: 'nowrap' },
          { label: t('audit.actor'), cell: e => e.actor || '' },
          { label: t('mine.change'), cell: e => h('span', null, e.from ? [statusBadge(e.from), ' → '] : null, statusBadge(e.to)) },
          { label: t('booking.reason'), cell: e => e.reason || '', class: 'wrap' },
        ],
      }));
    } catch (error) {
      body.replaceChildren(errorBox(error));
    }
  }

  // ---- waiting list
  const refreshWaitlist = async () => {
    try {
      const entries = await api.get('/me/waitlist');
      entries.sort((a, b) => String(b.date).localeCompare(String(a.date)));
      waitlist.replaceChildren(table({
        id: 'waitlist-table', caption: t('mine.waitlist'), rows: entries, empty: t('mine.waitlistNone'),
        columns: [
          { label: t('field.date'), cell: w => formatDay(w.date, true), class: 'nowrap' },
          { label: t('terminals.centre'), cell: w => place(w.centreId, w.detentionCentreId) },
          { label: t('book.detaineeNo'), cell: w => String(w.detaineeId) },
          { label: t('book.caseNo'), cell: w => String(w.caseId) },
          { label: t('book.length'), cell: w => (w.slots === 2 ? t('book.twoSlots') : t('book.oneSlot')) },
          { label: t('common.status'), cell: w => h('span', null, badge(t(`waitlistStatus.${w.status}`),
            w.status === 'OFFERED' ? 'warn' : WAITLIST_OPEN.includes(w.status) || w.status === 'TAKEN' ? 'ok' : 'off'),
            w.status === 'OFFERED' && w.offerExpiresAt
              ? h('span', { class: 'muted small' }, ' ', t('mine.offerUntil', { until: formatInstant(w.offerExpiresAt) })) : null) },
          { label: t('common.actions'), cell: w => h('span', { class: 'row-actions' },
            w.status === 'OFFERED' ? button(t('mine.accept'), e => act(e.currentTarget, async () => {
              const booking = await api.post(`/waitlist/${w.id}/accept`, {});
              await Promise.all([refresh(), refreshWaitlist()]);
              notify(t('mine.accepted', { reference: booking.reference }));
            }), { kind: 'small primary', id: `accept-${w.id}` }) : null,
            WAITLIST_OPEN.includes(w.status) ? button(t('mine.leave'), e => {
              if (!window.confirm(t('mine.leaveConfirm', { date: formatDay(w.date, true) }))) return;
              act(e.currentTarget, async () => {
                await api.del(`/waitlist/${w.id}`);
                await refreshWaitlist();
              }, t('mine.left'));
            }, { kind: 'small', id: `leave-${w.id}` }) : null) },
        ],
      }));
    } catch (error) {
      waitlist.replaceChildren(errorBox(error));
    }
  };

  container.replaceChildren(title,
    h('p', { class: 'muted' }, t('mine.intro'), ' ', h('a', { href: '#/portal/book', id: 'mine-book' }, t('mine.bookNow'))),
    panel(t('mine.bookings'), list),
    actionBox,
    panel(t('mine.waitlist'), h('p', { class: 'muted' }, t('mine.waitlistIntro')), waitlist));
  await Promise.all([refresh(), refreshWaitlist()]);
}
