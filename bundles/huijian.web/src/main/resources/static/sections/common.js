// Pieces shared by the core sections.
import { t } from '../i18n.js';
import { h, field } from '../dom.js';

/** Roles that read the site's set-up in the console (writing needs site-admin). */
export const SITE_READERS = ['site-admin', 'approver', 'supervisor'];
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Fields of a centre or a detention centre: code, name, address, phone. */
export function placeFields(formId, value = {}) {
  return [
    field(formId, { name: 'code', label: t('field.code'), required: true, value: value.code,
      hint: t('hint.code'), attrs: { autocomplete: 'off', spellcheck: 'false' } }),
    field(formId, { name: 'name', label: t('field.name'), required: true, value: value.name }),
    field(formId, { name: 'address', label: t('field.address'), value: value.address }),
    field(formId, { name: 'phone', label: t('field.phone'), type: 'tel', value: value.phone,
      attrs: { autocomplete: 'off' } }),
  ];
}

export function placeBody(values) {
  return { code: values.code, name: values.name, address: values.address, phone: values.phone };
}

/** A read-only description list: [[label, value], ...]. */
export function details(pairs) {
  return h('dl', { class: 'details' }, pairs.map(([label, value]) =>
    [h('dt', null, label), h('dd', null, value === null || value === undefined || value === '' ? '—' : value)]));
}

export function backLink(target, label) {
  return h('p', { class: 'back' }, h('a', { href: target }, '← ', label));
}

export function sectionTitle(text, ...extra) {
  return h('div', { class: 'section-head' }, h('h1', { tabindex: '-1', class: 'section-title' }, text), ...extra);
}

/** "09:30–11:30, 14:00–17:00" */
export function periodsText(periods, hhmm) {
  return periods.map(p => `${hhmm(p.start)}–${hhmm(p.end)}`).join(t('common.listSeparator'));
}

/** Index by id. */
export function byId(list) {
  return new Map(list.map(x => [x.id, x]));
}
