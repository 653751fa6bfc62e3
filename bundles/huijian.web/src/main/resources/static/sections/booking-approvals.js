// 预约审批 — the approval queue (approver, site-admin): GET /api/bookings/pending, oldest first, in
// approval-table; letter-<bookingId>-<documentId> shows the authorisation letter / law firm's letter in the document
// viewer; approve-<id> approves, reject-<id> asks for the (required) reason.
import { api } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, panel, table, button, act, notify, loading, errorBox } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle } from './common.js';
import { APPROVERS, when, reasonPanel, openPanel, lookups, showDocument } from './booking-common.js';

registerSection({
  id: 'approvals', capability: 'booking', roles: APPROVERS, titleKey: 'nav.approvals', order: 60, landingFor: ['approver'], render: renderApprovals,
});

async function renderApprovals(container) {
  const list = h('div', { id: 'approval-list' }, loading());
  const actionBox = h('div', { id: 'approval-action' });
  const viewerBox = h('div', { id: 'document-viewer-box' });
  const get = lookups();
  container.replaceChildren(sectionTitle(t('nav.approvals'), h('p', { class: 'muted' }, t('approvals.intro'))),
    actionBox, panel(t('approvals.queue'), list), viewerBox);

  const refresh = async () => {
    let pending;
    try {
      pending = await api.get('/bookings/pending');
    } catch (error) {
      list.replaceChildren(errorBox(error));
      return;
    }
    // Names for the ids: lawyers, detainees, their cases, centres and detention centres (staff may read them).
    const [centres, dcs] = await Promise.all([get('/centres'), get('/detention-centres')]);
    const names = new Map();
    await Promise.all(pending.map(async b => {
      const [lawyer, detainee, cases, letters] = await Promise.all([get(`/lawyers/${b.lawyerId}`),
        get(`/detainees/${b.detaineeId}`), get(`/detainees/${b.detaineeId}/cases`), get(`/bookings/${b.id}/documents`)]);
      names.set(b.id, { lawyer, detainee, kase: (cases || []).find(c => c.id === b.caseId), letters: letters || [] });
    }));
    const nameOf = (items, id) => (items || []).find(x => x.id === id)?.name ?? `#${id}`;
    list.replaceChildren(table({
      id: 'approval-table', caption: t('approvals.queue'), rows: pending, empty: t('approvals.none'),
      columns: [
        { label: t('booking.reference'), cell: b => h('code', null, b.reference), class: 'nowrap' },
        { label: t('booking.when'), cell: b => when(b.start, b.end), class: 'nowrap' },
        { label: t('nav.lawyers'), cell: b => {
          const l = names.get(b.id).lawyer;
          return l ? h('span', null, l.name, h('br'), h('span', { class: 'muted small' }, l.licenceNo)) : `#${b.lawyerId}`;
        } },
        { label: t('detainees.title'), cell: b => {
          const d = names.get(b.id).detainee;
          return h('span', null, d ? `${d.name} (${d.code})` : '', h('br'), h('span', { class: 'muted small' },
            t('approvals.id', { id: b.detaineeId })));
        } },
        { label: t('cases.show'), cell: b => {
          const c = names.get(b.id).kase;
          return h('span', null, c ? `${c.caseNo} · ${c.charge || ''} · ${t(`stage.${c.stage}`)}` : '', h('br'),
            h('span', { class: 'muted small' }, t('approvals.id', { id: b.caseId })));
        } },
        { label: t('documents.viewer'), cell: b => {
          const letters = names.get(b.id).letters;
          if (!letters.length) {
            return h('span', { class: 'muted' }, '—');
          }
          return h('span', { class: 'row-actions' }, ...letters.map(d => {
            const label = d.kind === 'FIRM_LETTER' ? t('book.firmLetter') : d.kind === 'AUTHORISATION_LETTER'
              ? t('book.authorisationLetter') : (d.fileName || `#${d.id}`);
            return button(label, () => showDocument(viewerBox, d.id, `${b.reference} · ${label}`),
              { kind: 'small', id: `letter-${b.id}-${d.id}` });
          }));
        } },
        { label: t('terminals.centre'), cell: b => `${nameOf(centres, b.centreId)} → ${nameOf(dcs, b.detentionCentreId)}` },
        { label: t('approvals.submitted'), cell: b => formatInstant(b.createdAt), class: 'nowrap' },
        { label: t('common.actions'), cell: b => h('span', { class: 'row-actions' },
          button(t('approvals.approve'), e => act(e.currentTarget, async () => {
            await api.post(`/bookings/${b.id}/approve`, {});
            await refresh();
          }, t('approvals.approved', { reference: b.reference })),
          { kind: 'small primary', id: `approve-${b.id}`, 'aria-label': t('approvals.approveNamed', { reference: b.reference }) }),
          button(t('approvals.reject'), () => reject(b), { kind: 'small', id: `reject-${b.id}`,
            'aria-label': t('approvals.rejectNamed', { reference: b.reference }) })) },
      ],
    }));
  };

  const close = () => actionBox.replaceChildren();
  function reject(b) {
    openPanel(actionBox, reasonPanel({
      id: 'reject-form', title: t('approvals.rejectTitle', { reference: b.reference }), label: t('approvals.rejectReason'),
      submitLabel: t('approvals.reject'), hint: t('approvals.rejectHint'), onClose: close,
      onSubmit: async reason => {
        await api.post(`/bookings/${b.id}/reject`, { reason });
        close();
        notify(t('approvals.rejected', { reference: b.reference }));
        await refresh();
      },
    }));
  }

  await refresh();
}
