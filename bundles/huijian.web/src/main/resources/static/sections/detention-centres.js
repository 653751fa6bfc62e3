// 看守所 — detention centres: list, create, edit; their detainees (在押人员) and cases (案件).
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, field, makeForm, panel, table, button, notify, loading, errorBox } from '../dom.js';
import { href } from '../router.js';
import { registerSection } from './registry.js';
import { SITE_READERS, placeFields, placeBody, details, backLink, sectionTitle } from './common.js';

const STAGES = ['INVESTIGATION', 'PROSECUTION_REVIEW', 'TRIAL'];
const GENDERS = ['MALE', 'FEMALE'];

registerSection({
  id: 'detention-centres', capability: 'core', roles: SITE_READERS, titleKey: 'nav.detentionCentres', order: 20,
  render: (container, ctx) => (ctx.params[0] ? renderOne(container, ctx, Number(ctx.params[0]))
    : renderList(container, ctx)),
});

async function renderList(container, ctx) {
  const list = h('div', { id: 'detention-centre-list' }, loading());
  const refresh = async () => {
    try {
      const all = await api.get('/detention-centres');
      list.replaceChildren(table({
        id: 'detention-centre-table', caption: t('detentionCentres.list'), rows: all,
        columns: [
          { label: t('field.code'), cell: d => d.code },
          { label: t('field.name'), cell: d => h('a', { href: href('admin', 'detention-centres', d.id) }, d.name) },
          { label: t('field.address'), cell: d => d.address || '' },
          { label: t('field.phone'), cell: d => d.phone || '' },
          { label: t('common.actions'), cell: d => h('a', { class: 'btn small', href: href('admin', 'detention-centres', d.id),
            'aria-label': t('common.manageNamed', { name: d.name }) }, t('common.manage')) },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  const create = ctx.canWrite ? makeForm({
    id: 'detention-centre-form', submitLabel: t('common.create'), className: 'grid-form',
    children: placeFields('detention-centre-form'),
    onSubmit: async (values, form) => {
      const created = await api.post('/detention-centres', placeBody(values));
      form.reset();
      notify(t('detentionCentres.created', { name: created.name }));
      await refresh();
    },
  }) : null;
  container.replaceChildren(sectionTitle(t('nav.detentionCentres')),
    panel(t('detentionCentres.list'), list),
    create ? panel(t('detentionCentres.create'), create) : null);
  await refresh();
}

async function renderOne(container, ctx, id) {
  const back = backLink(href('admin', 'detention-centres'), t('detentionCentres.back'));
  container.replaceChildren(back, loading());
  let dc;
  try {
    dc = await api.get(`/detention-centres/${id}`);
  } catch (error) {
    container.replaceChildren(back, errorBox(error));
    return;
  }
  const head = sectionTitle(dc.name, h('p', { class: 'muted' }, `${t('field.code')}: ${dc.code}`));
  const edit = ctx.canWrite
    ? panel(t('detentionCentres.edit'), makeForm({
      id: 'detention-centre-edit-form', submitLabel: t('common.save'), className: 'grid-form',
      children: placeFields('detention-centre-edit-form', dc),
      onSubmit: async values => {
        const updated = await api.put(`/detention-centres/${id}`, placeBody(values));
        head.querySelector('h1').textContent = updated.name;
        notify(t('common.saved'));
      },
    }))
    : panel(t('detentionCentres.details'), details([[t('field.code'), dc.code], [t('field.name'), dc.name],
      [t('field.address'), dc.address], [t('field.phone'), dc.phone]]));
  const casesBox = h('div', { id: 'cases' });
  container.replaceChildren(back, head, edit, detaineesPanel(id, ctx, casesBox), casesBox);
}

function detaineesPanel(dcId, ctx, casesBox) {
  const list = h('div', { id: 'detainee-list' }, loading());
  const refresh = async () => {
    try {
      const detainees = await api.get(`/detention-centres/${dcId}/detainees`);
      list.replaceChildren(table({
        id: 'detainee-table', caption: t('detainees.title'), rows: detainees, empty: t('detainees.none'),
        columns: [
          { label: t('detainees.code'), cell: d => d.code },
          { label: t('field.personName'), cell: d => d.name },
          { label: t('detainees.gender'), cell: d => (d.gender ? t(`gender.${d.gender}`) : '') },
          { label: t('detainees.birthDate'), cell: d => d.birthDate || '' },
          { label: t('detainees.admittedOn'), cell: d => d.admittedOn || '' },
          { label: t('common.actions'), cell: d => button(t('cases.show'), () => showCases(casesBox, d, ctx),
            { kind: 'small', 'aria-label': t('cases.showNamed', { name: d.name }) }) },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  refresh();
  const f = 'detainee-form';
  const form = ctx.canWrite ? makeForm({
    id: f, submitLabel: t('detainees.add'), className: 'grid-form',
    children: [
      field(f, { name: 'code', label: t('detainees.code'), required: true, hint: t('detainees.codeHint'), attrs: { autocomplete: 'off' } }),
      field(f, { name: 'name', label: t('field.personName'), required: true, attrs: { autocomplete: 'off' } }),
      field(f, { name: 'gender', label: t('detainees.gender'), type: 'select', required: true,
        options: [{ value: '', label: t('common.choose') }, ...GENDERS.map(g => ({ value: g, label: t(`gender.${g}`) }))] }),
      field(f, { name: 'birthDate', label: t('detainees.birthDate'), type: 'date' }),
      field(f, { name: 'admittedOn', label: t('detainees.admittedOn'), type: 'date' }),
    ],
    validate: v => (v.birthDate && v.admittedOn && v.birthDate > v.admittedOn
      ? [{ field: 'admittedOn', message: t('detainees.admittedAfterBirth') }] : []),
    onSubmit: async (values, form) => {
      await api.post('/detainees', { detentionCentreId: dcId, ...values });
      form.reset();
      notify(t('detainees.added'));
      await refresh();
    },
  }) : null;
  return panel(t('detainees.title'), list, form ? h('h3', null, t('detainees.add')) : null, form);
}

async function showCases(box, detainee, ctx) {
  const list = h('div', { id: 'case-list' }, loading());
  const refresh = async () => {
    try {
      const cases = await api.get(`/detainees/${detainee.id}/cases`);
      list.replaceChildren(table({
        id: 'case-table', caption: t('cases.titleOf', { name: detainee.name }), rows: cases, empty: t('cases.none'),
        columns: [
          { label: t('cases.caseNo'), cell: c => c.caseNo },
          { label: t('cases.charge'), cell: c => c.charge || '' },
          { label: t('cases.stage'), cell: c => (c.stage ? t(`stage.${c.stage}`) : '') },
          { label: t('cases.handlingAuthority'), cell: c => c.handlingAuthority || '' },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  const f = 'case-form';
  const form = ctx.canWrite ? makeForm({
    id: f, submitLabel: t('cases.add'), className: 'grid-form',
    children: [
      field(f, { name: 'caseNo', label: t('cases.caseNo'), required: true, attrs: { autocomplete: 'off' } }),
      field(f, { name: 'charge', label: t('cases.charge') }),
      field(f, { name: 'stage', label: t('cases.stage'), type: 'select', required: true,
        options: [{ value: '', label: t('common.choose') }, ...STAGES.map(s => ({ value: s, label: t(`stage.${s}`) }))] }),
      field(f, { name: 'handlingAuthority', label: t('cases.handlingAuthority'), hint: t('cases.handlingAuthorityHint') }),
    ],
    onSubmit: async (values, form) => {
      await api.post('/cases', { detaineeId: detainee.id, ...values });
      form.reset();
      notify(t('cases.added'));
      await refresh();
    },
  }) : null;
  const title = h('h2', { class: 'panel-title', tabindex: '-1' }, t('cases.titleOf', { name: detainee.name }));
  box.replaceChildren(h('section', { class: 'panel' }, title, list,
    form ? h('h3', null, t('cases.add')) : null, form,
    h('p', null, button(t('common.close'), () => box.replaceChildren(), { kind: 'small' }))));
  title.focus();
  await refresh();
}
