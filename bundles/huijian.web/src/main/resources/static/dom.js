// Small DOM helpers: element building (text only, never innerHTML), forms with field-level
// errors, tables, and notices. Forms are never re-rendered on error, so typed input is kept.
import { ApiError } from './api.js';
import { t, formatInstant } from './i18n.js';

/** h('tag', {attr: value, onclick: fn}, ...children). Children: nodes, strings, arrays, null. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** The inline SVG logo (a <use> of the symbol in index.html). */
export function logo(size = 40) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('viewBox', '0 0 48 48');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'logo');
  const use = document.createElementNS(ns, 'use');
  use.setAttribute('href', '#hj-logo');
  svg.append(use);
  return svg;
}

export function button(label, onclick, { kind = '', id, type = 'button', ...rest } = {}) {
  return h('button', { type, class: `btn ${kind}`.trim(), id, onclick, ...rest }, label);
}

export function panel(title, ...children) {
  const heading = h('h2', { class: 'panel-title' }, title);
  return h('section', { class: 'panel' }, heading, ...children);
}

export function loading() {
  return h('p', { class: 'muted loading', role: 'status' }, t('common.loading'));
}

/** A message box in place of content that could not be loaded. */
export function errorBox(error) {
  return h('div', { class: 'error-box', role: 'alert' }, problemMessage(error));
}

// ---------------------------------------------------------------- fields

/**
 * A labelled control. `type`: text | password | date | time | tel | number | select | textarea.
 * Its id is `<formId>-<name>`; its error line `<formId>-<name>-error`.
 * `options` (select): [{value, label}]; `dataType`: 'number' | 'boolean' for the value's JSON type.
 */
export function field(formId, { name, label, type = 'text', required, value, options, hint, dataType, attrs }) {
  const id = `${formId}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  const common = { id, name, required, 'aria-describedby': describedBy, 'data-type': dataType, ...(attrs || {}) };
  let control;
  if (type === 'select') {
    control = h('select', common, (options || []).map(o =>
      h('option', { value: o.value ?? '', selected: value != null && String(o.value) === String(value) }, o.label)));
  } else if (type === 'textarea') {
    control = h('textarea', common, value ?? '');
  } else {
    control = h('input', { ...common, type, value: value ?? undefined });
  }
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** A group of checkboxes (value: array of strings) or radios (value: one value). */
export function choiceGroup(formId, { name, legend, type = 'checkbox', choices, value, required, dataType }) {
  const selected = new Set([].concat(value ?? []).map(String));
  return h('fieldset', { class: 'field choices', 'data-field': name, id: `${formId}-${name}`,
      'aria-describedby': `${formId}-${name}-error` },
    h('legend', null, legend, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    h('div', { class: 'choice-list' }, choices.map(c => {
      const id = `${formId}-${name}-${String(c.value).replace(/[^\w-]/g, '_')}`;
      return h('label', { class: 'choice', for: id },
        h('input', { type, id, name, value: c.value, checked: selected.has(String(c.value)),
          'data-group': type === 'checkbox' ? '1' : null, 'data-type': dataType }),
        ' ', c.label);
    })),
    h('p', { class: 'field-error', id: `${formId}-${name}-error`, hidden: true }));
}

/** Shows or hides a field (and disables its controls, so hidden fields are neither validated nor sent). */
export function showField(form, name, visible) {
  const box = form.querySelector(`[data-field="${name}"]`);
  if (!box) return;
  box.hidden = !visible;
  box.querySelectorAll('input, select, textarea').forEach(c => { c.disabled = !visible; });
}

/** Replaces the options of a select, keeping the choice when still present. */
export function setOptions(select, options) {
  const previous = select.value;
  select.replaceChildren(...options.map(o => h('option', { value: o.value ?? '' }, o.label)));
  if (options.some(o => String(o.value ?? '') === previous)) select.value = previous;
}

// ---------------------------------------------------------------- forms

function convert(el) {
  let v = el.value;
  if (el.type !== 'password') v = v.trim();
  if (v === '') return null;
  if (el.dataset.type === 'number') return Number(v);
  if (el.dataset.type === 'boolean') return v === 'true';
  return v;
}

/** The form's values by control name; empty strings become null; disabled controls are left out. */
export function formValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    if (el.type === 'checkbox' && el.dataset.group) {
      values[el.name] = values[el.name] || [];
      if (el.checked) values[el.name].push(el.value);
    } else if (el.type === 'checkbox') {
      values[el.name] = el.checked;
    } else if (el.type === 'radio') {
      if (el.checked) values[el.name] = convert(el);
      else if (!(el.name in values)) values[el.name] = null;
    } else {
      values[el.name] = convert(el);
    }
  }
  return values;
}

function nativeMessage(el) {
  const v = el.validity;
  if (v.valueMissing) return t('validation.required');
  if (v.typeMismatch || v.badInput) return t('validation.format');
  if (v.patternMismatch) return el.dataset.patternMessage || t('validation.format');
  if (v.tooShort) return t('validation.tooShort', { min: el.minLength });
  if (v.tooLong) return t('validation.tooLong', { max: el.maxLength });
  if (v.rangeUnderflow || v.rangeOverflow || v.stepMismatch) return t('validation.range');
  return el.validationMessage;
}

function labelOf(form, name) {
  const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  const label = box && box.querySelector(':scope > label, :scope > legend');
  return label ? label.textContent.replace(/\s*\*$/, '').trim() : name;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.form-summary');
  if (summary) { summary.hidden = true; summary.replaceChildren(); }
}

/**
 * Shows errors [{field, message}] next to their fields and in the form's summary, with a headline.
 * Errors naming no field of this form appear in the summary only.
 */
export function showErrors(form, errors, headline) {
  let firstInvalid = null;
  const items = [];
  for (const { field: name, message } of errors) {
    const candidates = name ? [name, String(name).split(/[.[\]]/).filter(Boolean).pop()] : [];
    const key = candidates.find(n => form.querySelector(`#${CSS.escape(`${form.id}-${n}-error`)}`));
    if (key) {
      const line = form.querySelector(`#${CSS.escape(`${form.id}-${key}-error`)}`);
      line.textContent = line.textContent ? `${line.textContent}; ${message}` : message;
      line.hidden = false;
      const box = form.querySelector(`[data-field="${CSS.escape(key)}"]`);
      const control = box && box.querySelector('input:not([type=checkbox]):not([type=radio]), select, textarea, fieldset')
        || form.querySelector(`#${CSS.escape(`${form.id}-${key}`)}`);
      if (control) { control.setAttribute('aria-invalid', 'true'); firstInvalid = firstInvalid || control; }
      items.push(`${labelOf(form, key)}: ${message}`);
    } else {
      items.push(name ? `${name}: ${message}` : message);
    }
  }
  const summary = form.querySelector('.form-summary');
  if (summary) {
    summary.replaceChildren(h('p', null, headline), ...(items.length ? [h('ul', null, items.map(i => h('li', null, i)))] : []));
    summary.hidden = false;
  }
  const focusTarget = firstInvalid && firstInvalid.tagName === 'FIELDSET'
    ? firstInvalid.querySelector('input') : firstInvalid;
  (focusTarget || summary)?.focus?.();
}

/** A one-line, translated message for a failed call or another error. */
export function problemMessage(error) {
  if (!(error instanceof ApiError)) return t('problem.unexpected', { detail: error?.message || String(error) });
  const detail = error.problem.detail || error.problem.title || `HTTP ${error.status}`;
  switch (error.type) {
    case 'network': return t('problem.network');
    case 'invalid-input': return error.errors.length ? t('problem.invalidInput') : t('problem.invalidInputDetail', { detail });
    case 'invalid-credentials': return t('problem.invalidCredentials');
    case 'unauthenticated': return t('problem.unauthenticated');
    case 'forbidden': return t('problem.forbidden');
    case 'csrf': return t('problem.csrf');
    case 'not-found': return t('problem.notFound', { detail });
    case 'conflict': return t('problem.conflict', { detail });
    case 'account-locked': return error.problem.lockedUntil
      ? t('login.accountLocked', { until: formatInstant(error.problem.lockedUntil) }) : t('login.accountLockedNoTime');
    case 'account-disabled': return t('login.accountDisabled');
    case 'booking-refused': return t('problem.bookingRefused', { detail });
    case 'busy': return t('problem.busy');
    case 'starting': return t('problem.starting');
    default: return t('problem.generic', { status: error.status, detail });
  }
}

/** Shows a failed call on a form: field errors from `errors[]`, and a summary. */
export function showProblem(form, error) {
  const errors = error instanceof ApiError
    ? error.errors.map(e => ({ field: e.field, message: e.message || e.detail || '' })) : [];
  showErrors(form, errors, problemMessage(error));
}

/**
 * A form with an error summary (`<id>-error`, role=alert) and a submit button (`<id>-submit`).
 * `validate(values, form)` returns client-side errors [{field, message}];
 * `onSubmit(values, form)` may throw (ApiError); the form then shows the problem and keeps its input.
 */
export function makeForm({ id, children, submitLabel, validate, onSubmit, extraButtons, className }) {
  const summary = h('div', { class: 'form-summary', id: `${id}-error`, role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: `${id}-submit` }, submitLabel);
  const form = h('form', { id, class: `form ${className || ''}`.trim(), novalidate: true },
    summary, ...children, h('div', { class: 'form-actions' }, submit, ...(extraButtons || [])));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    clearErrors(form);
    const errors = [];
    for (const el of form.elements) {
      if (el.willValidate && !el.checkValidity() && el.name) errors.push({ field: el.name, message: nativeMessage(el) });
    }
    const values = formValues(form);
    if (validate) errors.push(...(validate(values, form) || []));
    if (errors.length) {
      const seen = new Set();
      const unique = errors.filter(e => !seen.has(`${e.field}\n${e.message}`) && seen.add(`${e.field}\n${e.message}`));
      showErrors(form, unique, t('validation.summary'));
      return;
    }
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(values, form);
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(error);
      showProblem(form, error);
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

/** Required-field check used where native `required` cannot express it (e.g. checkbox groups). */
export function requireValue(values, name) {
  const v = values[name];
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0)
    ? [{ field: name, message: t('validation.required') }] : [];
}

// ---------------------------------------------------------------- tables

/** columns: [{label, cell(row) → node|string, class}]. */
export function table({ columns, rows, caption, empty, rowClass, id }) {
  if (!rows.length) return h('p', { class: 'muted empty', id: id ? `${id}-empty` : null }, empty || t('common.empty'));
  return h('div', { class: 'table-wrap', id },
    h('table', { class: 'data' },
      caption ? h('caption', { class: 'sr-only' }, caption) : null,
      h('thead', null, h('tr', null, columns.map(c => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', null, rows.map(row => h('tr', { class: rowClass ? rowClass(row) : null },
        columns.map(c => h('td', { class: c.class, 'data-label': c.label }, c.cell(row))))))));
}

/** A status badge: kind ok | off | warn. */
export function badge(text, kind = 'ok') {
  return h('span', { class: `badge badge-${kind}` }, text);
}

// ---------------------------------------------------------------- notices

let statusTimer = null;

/** A short, polite confirmation ("已保存") shown in the corner. */
export function notify(message) {
  const box = document.getElementById('toast-status');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { box.hidden = true; box.textContent = ''; }, 5000);
}

/** An error for an action that has no form (unlink, enable, ...). Stays until closed. */
export function alertError(errorOrMessage) {
  const box = document.getElementById('toast-alert');
  const message = typeof errorOrMessage === 'string' ? errorOrMessage : problemMessage(errorOrMessage);
  box.replaceChildren(h('span', null, message),
    button(t('common.close'), () => clearAlert(), { kind: 'small', id: 'toast-alert-close' }));
  box.hidden = false;
}

export function clearAlert() {
  const box = document.getElementById('toast-alert');
  if (box) { box.hidden = true; box.replaceChildren(); }
}

/** Runs an action from a button: disables it meanwhile, reports success or the problem. */
export async function act(btn, action, successMessage) {
  btn.disabled = true;
  try {
    await action();
    clearAlert();
    if (successMessage) notify(successMessage);
  } catch (error) {
    if (!(error instanceof ApiError)) console.error(error);
    alertError(error);
  } finally {
    btn.disabled = false;
  }
}

/** A select's options from a list, with an optional leading empty choice. */
export function optionsOf(list, { empty, label = x => x.name, value = x => x.id } = {}) {
  const options = list.map(x => ({ value: value(x), label: label(x) }));
  return empty !== undefined ? [{ value: '', label: empty }, ...options] : options;
}
