// 节假日 — special days: public holidays (closed) and make-up working days (调休, open), for the
// whole site or one centre.
import { api, query } from '../api.js';
import { t, isoDate, formatDay } from '../i18n.js';
import { h, field, choiceGroup, makeForm, panel, table, badge, button, act, loading, errorBox, optionsOf, notify }
  from '../dom.js';
import { registerSection } from './registry.js';
import { SITE_READERS, sectionTitle, byId } from './common.js';

registerSection({
  id: 'special-days', capability: 'core', roles: SITE_READERS, titleKey: 'nav.specialDays', order: 40,
  render: renderSpecialDays,
});

async function renderSpecialDays(container, ctx) {
  container.replaceChildren(sectionTitle(t('nav.specialDays')), loading());
  let centres;
  try {
    centres = await api.get('/centres');
  } catch (error) {
    container.replaceChildren(sectionTitle(t('nav.specialDays')), errorBox(error));
    return;
  }
  const centreById = byId(centres);
  const list = h('div', { id: 'special-day-list', 'aria-live': 'polite' });
  let range = { centreId: null, from: isoDate(), to: isoDate(365) };

  const refresh = async () => {
    list.replaceChildren(loading());
    try {
      const days = await api.get('/special-days' + query(range));
      days.sort((a, b) => a.date.localeCompare(b.date));
      list.replaceChildren(table({
        id: 'special-day-table', caption: t('specialDays.list'), rows: days, empty: t('specialDays.none'),
        columns: [
          { label: t('field.date'), cell: d => h('span', null, d.date, h('span', { class: 'muted' }, ` ${formatDay(d.date)}`)) },
          { label: t('field.name'), cell: d => d.name },
          { label: t('specialDays.type'), cell: d => (d.open ? badge(t('specialDays.workday'), 'warn') : badge(t('specialDays.holiday'), 'off')) },
          { label: t('specialDays.scope'), cell: d => (d.centreId ? centreById.get(d.centreId)?.name ?? `#${d.centreId}` : t('specialDays.allCentres')) },
          ...(ctx.canWrite ? [{ label: t('common.actions'), cell: d => button(t('common.remove'), e => {
            if (!window.confirm(t('specialDays.confirmRemove', { date: d.date, name: d.name }))) return;
            act(e.currentTarget, async () => { await api.del(`/special-days/${d.id}`); await refresh(); }, t('specialDays.removed'));
          }, { kind: 'small', 'aria-label': `${t('common.remove')} ${d.date} ${d.name}` }) }] : []),
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };

  const centreOptions = optionsOf(centres, { empty: t('specialDays.allCentres') });
  const filter = makeForm({
    id: 'special-day-filter', submitLabel: t('common.show'), className: 'inline-form',
    children: [
      field('special-day-filter', { name: 'centreId', label: t('specialDays.scope'), type: 'select', dataType: 'number', options: centreOptions }),
      field('special-day-filter', { name: 'from', label: t('common.from'), type: 'date', required: true, value: range.from }),
      field('special-day-filter', { name: 'to', label: t('common.to'), type: 'date', required: true, value: range.to }),
    ],
    validate: v => (v.from && v.to && v.from > v.to ? [{ field: 'to', message: t('validation.toAfterFrom') }] : []),
    onSubmit: async values => {
      range = { centreId: values.centreId, from: values.from, to: values.to };
      await refresh();
    },
  });

  const f = 'special-day-form';
  const add = ctx.canWrite ? makeForm({
    id: f, submitLabel: t('specialDays.add'), className: 'grid-form',
    children: [
      field(f, { name: 'date', label: t('field.date'), type: 'date', required: true }),
      field(f, { name: 'name', label: t('field.name'), required: true, hint: t('specialDays.nameHint') }),
      choiceGroup(f, { name: 'open', legend: t('specialDays.type'), type: 'radio', dataType: 'boolean', value: 'false', required: true,
        choices: [{ value: 'false', label: t('specialDays.holidayLong') }, { value: 'true', label: t('specialDays.workdayLong') }] }),
      field(f, { name: 'centreId', label: t('specialDays.scope'), type: 'select', dataType: 'number', options: centreOptions }),
    ],
    validate: v => (v.open === null ? [{ field: 'open', message: t('validation.required') }] : []),
    onSubmit: async (values, form) => {
      await api.post('/special-days', { date: values.date, name: values.name, open: values.open, centreId: values.centreId });
      form.reset();
      notify(t('specialDays.added'));
      await refresh();
    },
  }) : null;

  container.replaceChildren(sectionTitle(t('nav.specialDays')),
    panel(t('specialDays.list'), filter, list),
    add ? panel(t('specialDays.add'), h('p', { class: 'muted' }, t('specialDays.explain')), add) : null);
  await refresh();
}
