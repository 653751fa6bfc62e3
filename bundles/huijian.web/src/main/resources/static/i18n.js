// Messages come from i18n/<lang>.json. Simplified Chinese is the default; English is switchable
// and remembered in localStorage. Missing English strings fall back to Chinese, then to the key.
import { setLanguage } from './api.js';

export const LANGUAGES = ['zh-CN', 'en'];
const STORAGE_KEY = 'huijian.lang';
const dictionaries = {};
let current = 'zh-CN';

async function loadDictionary(lang) {
  if (!dictionaries[lang]) {
    const response = await fetch(`i18n/${lang}.json`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
    dictionaries[lang] = await response.json();
  }
  return dictionaries[lang];
}

function stored() {
  try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

export async function initI18n() {
  const wanted = stored();
  await setLang(LANGUAGES.includes(wanted) ? wanted : 'zh-CN', false);
}

export async function setLang(lang, remember = true) {
  await loadDictionary('zh-CN');
  try { await loadDictionary(lang); } catch { lang = 'zh-CN'; }
  current = lang;
  document.documentElement.lang = lang;
  document.title = t('app.documentTitle');
  setLanguage(lang);
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* private mode: not remembered */ }
  }
}

export function getLang() { return current; }

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key, params) {
  const text = dictionaries[current]?.[key] ?? dictionaries['zh-CN']?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] != null ? String(params[name]) : m));
}

/** An instant (ISO-8601) in local time, e.g. 2026-12-01 09:30. */
export function formatInstant(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(current, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hour12: false,
  }).format(d);
}

/** A local date (YYYY-MM-DD) with its weekday, e.g. 12月1日 周二 / Tue, Dec 1. */
export function formatDay(isoDate, withYear = false) {
  const d = parseDate(isoDate);
  if (!d) return isoDate || '';
  const options = { month: 'short', day: 'numeric', weekday: 'short' };
  if (withYear) options.year = 'numeric';
  return new Intl.DateTimeFormat(current, options).format(d);
}

export function parseDate(isoDate) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Today (or today + days) as a local YYYY-MM-DD. */
export function isoDate(days = 0, from = new Date()) {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A time of day as HH:MM (the server may add seconds). */
export function hhmm(time) { return time ? String(time).slice(0, 5) : ''; }
