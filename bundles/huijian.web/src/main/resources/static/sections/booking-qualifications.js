// 资格审核 — lawyers' registrations waiting for review (approver, site-admin): qualification-table with
// the licence photo in the document viewer (photo-<lawyerId>), verify-<lawyerId>, suspend-<lawyerId>.
import { api } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, panel, table, button, act, notify, loading, errorBox } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle, byId } from './common.js';
import { APPROVERS, reasonPanel, openPanel, showDocument } from './booking-common.js';

registerSection({
  id: 'qualifications', capability: 'booking', roles: APPROVERS, titleKey: 'nav.qualifications', order: 61,
  render: renderQualifications,
});

async function renderQualifications(container) {
  const list = h('div', { id: 'qualification-list' }, loading());
  const actionBox = h('div', { id: 'qualification-action' });
  const viewerBox = h('div', { id: 'document-viewer-box' });
  container.replaceChildren(sectionTitle(t('nav.qualifications'), h('p', { class: 'muted' }, t('qualifications.intro'))),
    actionBox, panel(t('qualifications.pending'), list), viewerBox);
  let firms = new Map();
  try {
    firms = byId(await api.get('/law-firms'));
  } catch { /* shown by id */ }

  const refresh = async () => {
    try {
      const reviews = await api.get('/qualifications/pending');
      list.replaceChildren(table({
        id: 'qualification-table', caption: t('qualifications.pending'), rows: reviews, empty: t('qualifications.none'),
        columns: [
          { label: t('field.personName'), cell: r => r.lawyer.name },
          { label: t('field.licenceNo'), cell: r => h('code', null, r.lawyer.licenceNo) },
          { label: t('register.idCardNo'), cell: r => h('code', null, r.idCardNo || '') },
          { label: t('lawyers.lawFirm'), cell: r => firms.get(r.lawyer.lawFirmId)?.name ?? `#${r.lawyer.lawFirmId}` },
          { label: t('lawyers.mobile'), cell: r => r.lawyer.mobile || '' },
          { label: t('qualifications.registered'), cell: r => formatInstant(r.qualification.at), class: 'nowrap' },
          { label: t('qualifications.licencePhoto'), cell: r => (r.licencePhotoDocumentId
            ? button(t('qualifications.viewPhoto'), () => showDocument(viewerBox, r.licencePhotoDocumentId,
              t('qualifications.photoOf', { name: r.lawyer.name })), { kind: 'small', id: `photo-${r.lawyer.id}` })
            : h('span', { class: 'muted' }, t('qualifications.noPhoto'))) },
          { label: t('common.actions'), cell: r => h('span', { class: 'row-actions' },
            button(t('qualifications.verify'), e => act(e.currentTarget, async () => {
              await api.post(`/qualifications/${r.lawyer.id}/verify`, {});
              await refresh();
            }, t('qualifications.verified', { name: r.lawyer.name })),
            { kind: 'small primary', id: `verify-${r.lawyer.id}`, 'aria-label': t('qualifications.verifyNamed', { name: r.lawyer.name }) }),
            button(t('qualifications.suspend'), () => suspend(r), { kind: 'small', id: `suspend-${r.lawyer.id}`,
              'aria-label': t('qualifications.suspendNamed', { name: r.lawyer.name }) })) },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };

  const close = () => actionBox.replaceChildren();
  function suspend(r) {
    openPanel(actionBox, reasonPanel({
      id: 'suspend-form', title: t('qualifications.suspendTitle', { name: r.lawyer.name }),
      label: t('qualifications.suspendReason'), submitLabel: t('qualifications.suspend'), onClose: close,
      onSubmit: async reason => {
        await api.post(`/qualifications/${r.lawyer.id}/suspend`, { reason });
        close();
        notify(t('qualifications.suspended', { name: r.lawyer.name }));
        await refresh();
      },
    }));
  }

  await refresh();
}
