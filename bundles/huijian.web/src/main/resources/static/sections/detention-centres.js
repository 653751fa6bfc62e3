// 看守所 — detention centres: list, create, edit; their detainees (在押人员) and cases (案件), entered one by
// one or imported from a CSV file (check first, then import).
import { api, query, ApiError } from '../api.js';
import { t, getLang } from '../i18n.js';
import { h, field, choiceGroup, makeForm, panel, table, button, notify, loading, errorBox } from '../dom.js';
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
  return panel(t('detainees.title'), list, form ? h('h3', null, t('detainees.add')) : null, form,
    ctx.canWrite ? importBox(dcId, refresh) : null);
}

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * 导入 CSV: choose a file → check it (a dry run: the counts, or every problem by line and column) → import it.
 * The server checks everything again when importing; nothing is stored while any row is wrong.
 */
function importBox(dcId, refreshList) {
  const f = 'detainee-import-form';
  const result = h('div', { id: 'detainee-import-result', 'aria-live': 'polite' });
  const template = getLang() === 'en' ? 'templates/detainee-import-en.csv' : 'templates/detainee-import.csv';
  const form = makeForm({
    id: f, submitLabel: t('detaineeImport.check'),
    children: [
      field(f, { name: 'file', label: t('detaineeImport.file'), type: 'file', required: true, hint: t('detaineeImport.fileHint'),
        attrs: { accept: '.csv,text/csv' } }),
      choiceGroup(f, { name: 'mode', legend: t('detaineeImport.mode'), type: 'radio', value: 'create', required: true,
        choices: [{ value: 'create', label: t('detaineeImport.modeCreate') }, { value: 'update', label: t('detaineeImport.modeUpdate') }] }),
    ],
    validate: () => {
      const file = form.querySelector(`#${f}-file`).files[0];
      return file && file.size > MAX_IMPORT_BYTES ? [{ field: 'file', message: t('detaineeImport.tooLarge') }] : [];
    },
    onSubmit: async values => {
      const file = form.querySelector(`#${f}-file`).files[0];
      const path = dryRun => `/detention-centres/${dcId}/detainees/import`
        + query({ dryRun, mode: values.mode, fileName: file.name });
      result.replaceChildren(loading());
      try {
        const preview = await api.upload(path('true'), file, { contentType: 'text/csv' });
        showPreview(preview, async confirm => {
          confirm.disabled = true;
          try {
            const done = await api.upload(path('false'), file, { contentType: 'text/csv' });
            result.replaceChildren(h('div', { class: 'notice done', role: 'status', id: 'detainee-import-done' },
              h('p', null, t('detaineeImport.done', counts(done)))));
            form.reset();
            notify(t('detaineeImport.doneShort', counts(done)));
            await refreshList();
          } catch (error) {
            confirm.disabled = false;
            if (!showRejected(error)) result.replaceChildren(errorBox(error));
          }
        });
      } catch (error) {
        if (!showRejected(error)) { result.replaceChildren(); throw error; }
      }
    },
  });
  // A different file or mode needs a new check.
  form.addEventListener('change', () => result.replaceChildren());

  function counts(r) {
    return { file: r.fileName || '', encoding: r.encoding, rows: r.rows,
      detaineesCreated: r.detaineesCreated, detaineesUpdated: r.detaineesUpdated, detaineesUnchanged: r.detaineesUnchanged,
      casesCreated: r.casesCreated, casesUpdated: r.casesUpdated, casesUnchanged: r.casesUnchanged };
  }

  function showPreview(r, onConfirm) {
    const confirm = button(t('detaineeImport.confirm'), () => onConfirm(confirm), { kind: 'primary', id: 'detainee-import-confirm' });
    result.replaceChildren(h('div', { class: 'notice', id: 'detainee-import-preview' },
      h('p', null, t('detaineeImport.previewFile', counts(r))),
      h('ul', null,
        h('li', null, t('detaineeImport.previewDetainees', counts(r))),
        h('li', null, t('detaineeImport.previewCases', counts(r)))),
      h('p', { class: 'muted' }, t('detaineeImport.previewNote')),
      h('div', { class: 'form-actions' }, confirm,
        button(t('common.cancel'), () => result.replaceChildren(), { kind: 'ghost', id: 'detainee-import-cancel' }))));
    confirm.focus();
  }

  /** A refused file: its problems in a table. False when the error is not about the file's rows. */
  function showRejected(error) {
    const rows = error instanceof ApiError && error.type === 'invalid-input'
      ? error.errors.filter(e => Number.isInteger(e.line)) : [];
    if (!rows.length) return false;
    const total = error.problem.errorCount || rows.length;
    const heading = h('p', { class: 'form-summary', role: 'alert', tabindex: '-1', id: 'detainee-import-errors-summary' },
      t('detaineeImport.rejected', { count: total }));
    result.replaceChildren(heading,
      table({
        id: 'detainee-import-errors', caption: t('detaineeImport.errorsCaption'), rows,
        columns: [
          { label: t('detaineeImport.line'), cell: e => (e.line === 0 ? t('detaineeImport.wholeFile') : String(e.line)) },
          { label: t('detaineeImport.column'), cell: e => e.column || e.field || '—' },
          { label: t('detaineeImport.problem'), cell: e => e.message },
        ],
      }),
      total > rows.length ? h('p', { class: 'muted' }, t('detaineeImport.moreErrors', { shown: rows.length, count: total })) : null);
    heading.focus();
    return true;
  }

  return h('div', { id: 'detainee-import' },
    h('h3', null, t('detaineeImport.title')),
    h('p', null, t('detaineeImport.intro'), ' ',
      h('a', { href: template, download: t('detaineeImport.templateName'), id: 'detainee-import-template' }, t('detaineeImport.template'))),
    form, result);
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
