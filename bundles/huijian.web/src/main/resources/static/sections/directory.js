// 律师 and 律师事务所 — lawyers and law firms: list, add.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, field, makeForm, panel, table, loading, errorBox, optionsOf, setOptions, notify } from '../dom.js';
import { registerSection } from './registry.js';
import { SITE_READERS, sectionTitle, byId } from './common.js';

const MOBILE = '^\\+?[0-9][0-9 \\-]{4,19}$';

registerSection({
  id: 'lawyers', capability: 'core', roles: SITE_READERS, titleKey: 'nav.lawyers', order: 50, render: renderLawyers,
});
registerSection({
  id: 'law-firms', capability: 'core', roles: SITE_READERS, titleKey: 'nav.lawFirms', order: 55, render: renderFirms,
});

async function renderLawyers(container, ctx) {
  const list = h('div', { id: 'lawyer-list' }, loading());
  const f = 'lawyer-form';
  const firmSelect = field(f, { name: 'lawFirmId', label: t('lawyers.lawFirm'), type: 'select', dataType: 'number',
    required: true, options: [] });
  let firms = [];
  const refresh = async () => {
    try {
      let lawyers;
      [lawyers, firms] = await Promise.all([api.get('/lawyers'), api.get('/law-firms')]);
      const firmById = byId(firms);
      setOptions(firmSelect.querySelector('select'), optionsOf(firms, { empty: firms.length ? t('common.choose') : t('lawyers.noFirms') }));
      list.replaceChildren(table({
        id: 'lawyer-table', caption: t('lawyers.list'), rows: lawyers, empty: t('lawyers.none'),
        columns: [
          { label: t('field.personName'), cell: l => l.name },
          { label: t('field.licenceNo'), cell: l => l.licenceNo },
          { label: t('lawyers.lawFirm'), cell: l => firmById.get(l.lawFirmId)?.name ?? '' },
          { label: t('lawyers.mobile'), cell: l => l.mobile || '' },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  const form = ctx.canWrite ? makeForm({
    id: f, submitLabel: t('lawyers.add'), className: 'grid-form',
    children: [
      field(f, { name: 'name', label: t('field.personName'), required: true, attrs: { autocomplete: 'off' } }),
      field(f, { name: 'licenceNo', label: t('field.licenceNo'), required: true, hint: t('lawyers.licenceHint'),
        attrs: { autocomplete: 'off', inputmode: 'numeric' } }),
      firmSelect,
      field(f, { name: 'mobile', label: t('lawyers.mobile'), type: 'tel',
        attrs: { autocomplete: 'off', pattern: MOBILE, 'data-pattern-message': t('validation.phone') } }),
    ],
    onSubmit: async (values, form) => {
      const lawyer = await api.post('/lawyers', values);
      form.reset();
      notify(t('lawyers.added', { name: lawyer.name }));
      await refresh();
    },
  }) : null;
  container.replaceChildren(sectionTitle(t('nav.lawyers')),
    panel(t('lawyers.list'), list),
    form ? panel(t('lawyers.add'), form) : null);
  await refresh();
}

async function renderFirms(container, ctx) {
  const list = h('div', { id: 'law-firm-list' }, loading());
  const refresh = async () => {
    try {
      const firms = await api.get('/law-firms');
      list.replaceChildren(table({
        id: 'law-firm-table', caption: t('lawFirms.list'), rows: firms, empty: t('lawFirms.none'),
        columns: [
          { label: t('field.name'), cell: x => x.name },
          { label: t('lawFirms.licenceNo'), cell: x => x.licenceNo || '' },
          { label: t('field.address'), cell: x => x.address || '' },
          { label: t('field.phone'), cell: x => x.phone || '' },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  const f = 'law-firm-form';
  const form = ctx.canWrite ? makeForm({
    id: f, submitLabel: t('lawFirms.add'), className: 'grid-form',
    children: [
      field(f, { name: 'name', label: t('field.name'), required: true }),
      field(f, { name: 'licenceNo', label: t('lawFirms.licenceNo'), required: true, attrs: { autocomplete: 'off' } }),
      field(f, { name: 'address', label: t('field.address') }),
      field(f, { name: 'phone', label: t('field.phone'), type: 'tel', attrs: { autocomplete: 'off' } }),
    ],
    onSubmit: async (values, form) => {
      const firm = await api.post('/law-firms', values);
      form.reset();
      notify(t('lawFirms.added', { name: firm.name }));
      await refresh();
    },
  }) : null;
  container.replaceChildren(sectionTitle(t('nav.lawFirms')),
    panel(t('lawFirms.list'), list),
    form ? panel(t('lawFirms.add'), form) : null);
  await refresh();
}
