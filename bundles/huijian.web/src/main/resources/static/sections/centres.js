// 会见中心 — centres: list, create, edit; linked detention centres, positions (机位),
// weekly opening hours and the opening on a chosen date.
import { api } from '../api.js';
import { t, hhmm, isoDate, formatDay } from '../i18n.js';
import { h, field, makeForm, panel, table, badge, button, act, notify, loading, errorBox, optionsOf, setOptions }
  from '../dom.js';
import { href } from '../router.js';
import { registerSection } from './registry.js';
import { SITE_READERS, DAYS, placeFields, placeBody, details, backLink, sectionTitle, periodsText } from './common.js';

registerSection({
  id: 'centres', capability: 'core', roles: SITE_READERS, titleKey: 'nav.centres', order: 10,
  render: (container, ctx) => (ctx.params[0] ? renderCentre(container, ctx, Number(ctx.params[0]))
    : renderList(container, ctx)),
});

async function renderList(container, ctx) {
  const list = h('div', { id: 'centre-list' }, loading());
  const refresh = async () => {
    try {
      const centres = await api.get('/centres');
      list.replaceChildren(table({
        id: 'centre-table', caption: t('centres.list'), rows: centres,
        columns: [
          { label: t('field.code'), cell: c => c.code },
          { label: t('field.name'), cell: c => h('a', { href: href('admin', 'centres', c.id) }, c.name) },
          { label: t('field.address'), cell: c => c.address || '' },
          { label: t('field.phone'), cell: c => c.phone || '' },
          { label: t('common.actions'), cell: c => h('a', { class: 'btn small', href: href('admin', 'centres', c.id),
            'aria-label': t('common.manageNamed', { name: c.name }) }, t('common.manage')) },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  const create = ctx.canWrite ? makeForm({
    id: 'centre-form', submitLabel: t('common.create'), className: 'grid-form',
    children: placeFields('centre-form'),
    onSubmit: async (values, form) => {
      const centre = await api.post('/centres', placeBody(values));
      form.reset();
      notify(t('centres.created', { name: centre.name }));
      await refresh();
    },
  }) : null;
  container.replaceChildren(sectionTitle(t('nav.centres')),
    panel(t('centres.list'), list),
    create ? panel(t('centres.create'), create) : null);
  await refresh();
}

async function renderCentre(container, ctx, id) {
  const back = backLink(href('admin', 'centres'), t('centres.back'));
  container.replaceChildren(back, loading());
  let centre, allDetentionCentres;
  try {
    [centre, allDetentionCentres] = await Promise.all([api.get(`/centres/${id}`), api.get('/detention-centres')]);
  } catch (error) {
    container.replaceChildren(back, errorBox(error));
    return;
  }
  const head = sectionTitle(centre.name, h('p', { class: 'muted' }, `${t('field.code')}: ${centre.code}`));
  container.replaceChildren(back, head,
    editPanel(centre, ctx, updated => { head.querySelector('h1').textContent = updated.name; }),
    linksPanel(id, allDetentionCentres, ctx),
    positionsPanel(id, ctx),
    hoursPanel(id, ctx),
    openingPanel(id));
}

function editPanel(centre, ctx, onSaved) {
  if (!ctx.canWrite) {
    return panel(t('centres.details'), details([[t('field.code'), centre.code], [t('field.name'), centre.name],
      [t('field.address'), centre.address], [t('field.phone'), centre.phone]]));
  }
  return panel(t('centres.edit'), makeForm({
    id: 'centre-edit-form', submitLabel: t('common.save'), className: 'grid-form',
    children: placeFields('centre-edit-form', centre),
    onSubmit: async values => {
      const updated = await api.put(`/centres/${centre.id}`, placeBody(values));
      notify(t('common.saved'));
      onSaved(updated);
    },
  }));
}

function linksPanel(centreId, allDetentionCentres, ctx) {
  const list = h('div', { id: 'centre-links' }, loading());
  const select = field('link-form', { name: 'detentionCentreId', label: t('links.choose'), type: 'select',
    required: true, dataType: 'number', options: [] });
  const refresh = async () => {
    try {
      const linked = await api.get(`/centres/${centreId}/detention-centres`);
      const linkedIds = new Set(linked.map(d => d.id));
      list.replaceChildren(table({
        id: 'centre-links-table', caption: t('links.title'), rows: linked, empty: t('links.none'),
        columns: [
          { label: t('field.code'), cell: d => d.code },
          { label: t('field.name'), cell: d => d.name },
          ...(ctx.canWrite ? [{ label: t('common.actions'), cell: d => button(t('links.unlink'), e => act(e.currentTarget,
            async () => { await api.del(`/centres/${centreId}/detention-centres/${d.id}`); await refresh(); },
            t('links.unlinked', { name: d.name })), { kind: 'small', 'aria-label': t('links.unlinkNamed', { name: d.name }) }) }]
            : []),
        ],
      }));
      setOptions(select.querySelector('select'), optionsOf(allDetentionCentres.filter(d => !linkedIds.has(d.id)),
        { empty: t('common.choose'), label: d => `${d.name} (${d.code})` }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  refresh();
  const form = ctx.canWrite ? makeForm({
    id: 'link-form', submitLabel: t('links.link'), className: 'inline-form', children: [select],
    onSubmit: async values => {
      await api.put(`/centres/${centreId}/detention-centres/${values.detentionCentreId}`, {});
      notify(t('links.linked'));
      await refresh();
    },
  }) : null;
  return panel(t('links.title'), h('p', { class: 'muted' }, t('links.explain')), list, form);
}

function positionsPanel(centreId, ctx) {
  const list = h('div', { id: 'position-list' }, loading());
  const refresh = async () => {
    try {
      const positions = await api.get(`/centres/${centreId}/positions`);
      list.replaceChildren(table({
        id: 'position-table', caption: t('positions.title'), rows: positions, empty: t('positions.none'),
        columns: [
          { label: t('field.code'), cell: p => p.code },
          { label: t('field.name'), cell: p => p.name },
          { label: t('common.status'), cell: p => (p.enabled ? badge(t('common.enabled'), 'ok') : badge(t('common.disabled'), 'off')) },
          ...(ctx.canWrite ? [{ label: t('common.actions'), cell: p => button(p.enabled ? t('common.disable') : t('common.enable'),
            e => act(e.currentTarget, async () => {
              await api.put(`/positions/${p.id}/enabled`, { enabled: !p.enabled });
              await refresh();
            }, p.enabled ? t('common.disabledNamed', { name: p.name }) : t('common.enabledNamed', { name: p.name })),
            { kind: 'small', 'aria-label': `${p.enabled ? t('common.disable') : t('common.enable')} ${p.name}` }) }] : []),
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };
  refresh();
  const form = ctx.canWrite ? makeForm({
    id: 'position-form', submitLabel: t('positions.add'), className: 'grid-form',
    children: [
      field('position-form', { name: 'code', label: t('field.code'), required: true, attrs: { autocomplete: 'off' } }),
      field('position-form', { name: 'name', label: t('field.name'), required: true }),
    ],
    onSubmit: async (values, form) => {
      await api.post('/positions', { centreId, code: values.code, name: values.name });
      form.reset();
      notify(t('positions.added'));
      await refresh();
    },
  }) : null;
  return panel(t('positions.title'), list, form ? h('h3', null, t('positions.add')) : null, form);
}

// ------------------------------------------------------------------ weekly hours

function hoursPanel(centreId, ctx) {
  const body = h('div', { id: 'hours' }, loading());
  (async () => {
    try {
      const periods = await api.get(`/centres/${centreId}/hours`);
      body.replaceChildren(ctx.canWrite ? hoursEditor(centreId, periods) : hoursTable(periods));
    } catch (error) {
      body.replaceChildren(errorBox(error));
    }
  })();
  return panel(t('hours.title'), h('p', { class: 'muted' }, t('hours.explain')), body);
}

function hoursTable(periods) {
  return table({
    caption: t('hours.title'), rows: DAYS,
    columns: [
      { label: t('hours.day'), cell: day => t(`day.${day}`) },
      { label: t('hours.periods'), cell: day => periodsText(periods.filter(p => p.day === day), hhmm) || t('hours.closed') },
    ],
  });
}

function periodRow(day, period = {}) {
  const n = periodRow.counter = (periodRow.counter || 0) + 1;
  const startId = `hours-${day}-start-${n}`;
  const endId = `hours-${day}-end-${n}`;
  const row = h('div', { class: 'period-row' },
    h('label', { for: startId }, t('hours.start')),
    h('input', { type: 'time', id: startId, class: 'start', value: hhmm(period.start) || '09:00', required: true }),
    h('label', { for: endId }, t('hours.end')),
    h('input', { type: 'time', id: endId, class: 'end', value: hhmm(period.end) || '11:30', required: true }));
  row.append(button(t('hours.remove'), () => {
    const list = row.parentElement;
    row.remove();
    list.querySelector('input, button')?.focus();
    if (!list.children.length) list.append(h('p', { class: 'muted closed' }, t('hours.closed')));
  }, { kind: 'small', 'aria-label': t('hours.removeNamed', { day: t(`day.${day}`) }) }));
  return row;
}

function hoursEditor(centreId, periods) {
  const dayBoxes = DAYS.map(day => {
    const rows = h('div', { class: 'period-list' });
    const mine = periods.filter(p => p.day === day);
    if (mine.length) mine.forEach(p => rows.append(periodRow(day, p)));
    else rows.append(h('p', { class: 'muted closed' }, t('hours.closed')));
    const add = button(t('hours.add'), () => {
      rows.querySelector('.closed')?.remove();
      const row = periodRow(day);
      rows.append(row);
      row.querySelector('input').focus();
    }, { kind: 'small', 'aria-label': t('hours.addNamed', { day: t(`day.${day}`) }) });
    return h('fieldset', { class: 'day', 'data-field': day, 'data-day': day, id: `hours-form-${day}` },
      h('legend', null, t(`day.${day}`)), rows, add,
      h('p', { class: 'field-error', id: `hours-form-${day}-error`, hidden: true }));
  });

  const collect = form => [...form.querySelectorAll('fieldset.day')].flatMap(box =>
    [...box.querySelectorAll('.period-row')].map(row => ({
      day: box.dataset.day, start: row.querySelector('.start').value, end: row.querySelector('.end').value,
    })));

  return makeForm({
    id: 'hours-form', submitLabel: t('hours.save'), className: 'hours-form', children: [h('div', { class: 'days' }, dayBoxes)],
    validate: (values, form) => {
      const errors = [];
      for (const day of DAYS) {
        const mine = collect(form).filter(p => p.day === day);
        if (mine.some(p => !p.start || !p.end)) { errors.push({ field: day, message: t('hours.incomplete') }); continue; }
        if (mine.some(p => p.start >= p.end)) { errors.push({ field: day, message: t('hours.startBeforeEnd') }); continue; }
        const sorted = [...mine].sort((a, b) => a.start.localeCompare(b.start));
        if (sorted.some((p, i) => i > 0 && p.start < sorted[i - 1].end)) errors.push({ field: day, message: t('hours.overlap') });
      }
      return errors;
    },
    onSubmit: async (values, form) => {
      const periods = collect(form).sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.start.localeCompare(b.start));
      await api.put(`/centres/${centreId}/hours`, periods);
      notify(t('hours.saved'));
    },
  });
}

// ------------------------------------------------------------------ opening on a date

function openingPanel(centreId) {
  const result = h('div', { id: 'opening-result', 'aria-live': 'polite' });
  const form = makeForm({
    id: 'opening-form', submitLabel: t('opening.show'), className: 'inline-form',
    children: [field('opening-form', { name: 'date', label: t('field.date'), type: 'date', required: true, value: isoDate() })],
    onSubmit: async values => {
      const periods = await api.get(`/centres/${centreId}/opening?date=${encodeURIComponent(values.date)}`);
      result.replaceChildren(h('p', { class: periods.length ? 'opening open' : 'opening closed' },
        h('strong', null, formatDay(values.date, true)), ' ',
        periods.length ? periodsText(periods, hhmm) : t('opening.closed')));
    },
  });
  return panel(t('opening.title'), h('p', { class: 'muted' }, t('opening.explain')), form, result);
}
