// Pieces shared by the booking screens: statuses, local date-times, the ID card check, a reason
// form, cached look-ups and the document viewer.
import { api } from '../api.js';
import { t, formatDay, formatInstant, hhmm } from '../i18n.js';
import { h, field, makeForm, badge, button, loading, errorBox } from '../dom.js';

/** Staff who run the day at a site (daily list, check-in). */
export const STAFF = ['site-admin', 'approver', 'supervisor'];
/** Who approves bookings and reviews lawyers' registrations. */
export const APPROVERS = ['approver', 'site-admin'];

const STATUS_KIND = {
  PENDING_APPROVAL: 'warn', APPROVED: 'ok', REJECTED: 'off', CANCELLED: 'off', CHECKED_IN: 'ok', IN_MEETING: 'ok',
  COMPLETED: 'ok', NO_SHOW: 'off',
};

/** A booking status (BookingStatus name) as a badge. */
export function statusBadge(status) {
  return badge(t(`bookingStatus.${status}`), STATUS_KIND[status] || 'warn');
}

/** The date part of a local date-time (2026-12-01T09:30:00). */
export function dateOf(dateTime) { return String(dateTime || '').slice(0, 10); }

/** The time part of a local date-time, as HH:MM. */
export function timeOf(dateTime) { return hhmm(String(dateTime || '').slice(11)); }

/** "12月1日 周二 09:30–10:30" for a start and an end (local date-times). */
export function when(start, end) {
  return `${formatDay(dateOf(start), true)} ${timeOf(start)}–${timeOf(end)}`;
}

/** "09:30–10:30" */
export function period(start, end) { return `${timeOf(start)}–${timeOf(end)}`; }

/** A local date-time (no zone) for people, e.g. 2026年12月1日 周二 08:00. */
export function formatLocal(dateTime) {
  return dateTime ? `${formatDay(dateOf(dateTime), true)} ${timeOf(dateTime)}` : '';
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** What is wrong with an 18-character resident ID card number (an i18n key), or null. */
export function idCardProblem(no) {
  const v = String(no || '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'register.idCardFormat';
  const y = Number(v.slice(6, 10)), m = Number(v.slice(10, 12)), d = Number(v.slice(12, 14));
  const birth = new Date(y, m - 1, d);
  if (y < 1900 || birth.getFullYear() !== y || birth.getMonth() !== m - 1 || birth.getDate() !== d) return 'register.idCardBirth';
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return ID_CHECK[sum % 11] === v[17] ? null : 'register.idCardCheck';
}

/**
 * A panel asking for a reason (cancel, reject, suspend, no-show): id `<id>-panel`, form `<id>` with the
 * field `<id>-reason`, submit `<id>-submit`, close `<id>-close`. `onSubmit(reason)` may throw (ApiError).
 */
export function reasonPanel({ id, title, label, submitLabel, required = true, hint, onSubmit, onClose }) {
  const heading = h('h2', { class: 'panel-title', tabindex: '-1' }, title);
  const form = makeForm({
    id, submitLabel, className: 'inline-form',
    children: [field(id, { name: 'reason', label, required, hint, attrs: { maxlength: 300, autocomplete: 'off' } })],
    extraButtons: [button(t('common.close'), () => onClose(), { kind: 'ghost', id: `${id}-close` })],
    onSubmit: values => onSubmit(values.reason),
  });
  const box = h('section', { class: 'panel action-panel', id: `${id}-panel` }, heading, form);
  box.focusFirst = () => form.querySelector('input, textarea')?.focus();
  return box;
}

/** Shows `panel` in `box` (replacing what was there) and focuses its first input. */
export function openPanel(box, panel) {
  box.replaceChildren(panel);
  panel.scrollIntoView?.({ block: 'nearest' });
  (panel.focusFirst ? panel.focusFirst() : panel.querySelector('h2')?.focus());
}

/** GETs each path once (per cache): `get(path)` → promise of the answer, or null when the call failed. */
export function lookups() {
  const cache = new Map();
  return path => {
    if (!cache.has(path)) cache.set(path, api.get(path).catch(() => null));
    return cache.get(path);
  };
}

// ---------------------------------------------------------------- document viewer

function size(bytes) {
  if (bytes == null) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Shows a document (GET /api/documents/{id}, then its content) in `box`, as id="document-viewer": an image
 * in an <img>, a PDF in an <iframe>, with a link to open it on its own (id="document-open").
 */
export async function showDocument(box, documentId, title) {
  const close = button(t('common.close'), () => box.replaceChildren(), { kind: 'small', id: 'document-viewer-close' });
  const heading = h('h2', { class: 'panel-title', tabindex: '-1' }, title || t('documents.viewer'));
  const body = h('div', { class: 'document-body' }, loading());
  const viewer = h('section', { class: 'panel document-viewer', id: 'document-viewer', 'aria-label': t('documents.viewer') },
    heading, body, h('p', null, close));
  box.replaceChildren(viewer);
  heading.focus();
  let doc;
  try {
    doc = await api.get(`/documents/${documentId}`);
  } catch (error) {
    body.replaceChildren(errorBox(error));
    return;
  }
  const url = `/api/documents/${doc.id}/content`;
  const shown = String(doc.mediaType || '').startsWith('image/')
    ? h('img', { src: url, alt: doc.fileName || title || '', class: 'document-image', id: 'document-content' })
    : h('iframe', { src: url, title: doc.fileName || title || t('documents.viewer'), class: 'document-frame',
      id: 'document-content' });
  body.replaceChildren(
    h('p', { class: 'muted' }, [doc.fileName, doc.mediaType, size(doc.size), formatInstant(doc.uploadedAt)]
      .filter(Boolean).join(' · ')),
    h('div', { class: 'document-frame-wrap' }, shown),
    h('p', null, h('a', { href: url, target: '_blank', rel: 'noopener', id: 'document-open' }, t('documents.open'))));
}
