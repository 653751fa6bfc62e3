// A tiny fetch wrapper for the Huijian REST API (/api). It sends the session's CSRF token on
// state-changing calls, parses RFC 9457 problem details into ApiError, and reports a lost
// session (401) to the app so it can return to the sign-in screen.

let csrfToken = null;
let language = 'zh-CN';
let onUnauthenticated = () => {};

export function setCsrfToken(token) { csrfToken = token || null; }
export function setLanguage(lang) { language = lang; }
export function setUnauthenticatedHandler(fn) { onUnauthenticated = fn; }

/** A failed call: `status` (0 = no answer), `type` (short problem type), `problem`, `errors`. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.type = shortType(problem.type, status);
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

const TYPE_BY_STATUS = { 400: 'invalid-input', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found',
  409: 'conflict', 415: 'unsupported-media-type', 500: 'internal' };

function shortType(type, status) {
  if (type && type !== 'about:blank') return String(type).replace(/\/+$/, '').split('/').pop();
  return TYPE_BY_STATUS[status] || (status === 0 ? 'network' : 'internal');
}

/** How long a call waits for a starting server (503 `starting`: the REST API is being built; nothing was done). */
const STARTING_MS = 20000;

/**
 * Calls `/api` + path. Returns the parsed JSON body (null for 204). Throws ApiError.
 * Options: `allow401` — the caller handles 401 itself (sign-in); `raw` — the body (a File or Blob) is sent
 * as it is, as `contentType` or else application/octet-stream (uploads); `retried` and `since` are internal.
 */
export async function request(method, path, body, options = {}) {
  const headers = { 'Accept': 'application/json, application/problem+json', 'Accept-Language': language };
  if (body !== undefined) {
    headers['Content-Type'] = options.raw ? (options.contentType || 'application/octet-stream') : 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch('/api' + path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined || options.raw ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { type: 'network', title: 'Network error', detail: e.message });
  }
  if (response.status === 204 || response.status === 205) return null;
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (response.ok) return data;

  const problem = data && typeof data === 'object' && !Array.isArray(data)
    ? data : { title: response.statusText, status: response.status, detail: text.slice(0, 300) };
  const error = new ApiError(response.status, problem);

  // The server is starting or a feature is being installed: the call was not run, so any method may be sent again.
  const since = options.since || Date.now();
  if (response.status === 503 && error.type === 'starting' && Date.now() - since < STARTING_MS) {
    const seconds = Number(response.headers.get('Retry-After')) || 1;
    await new Promise(resolve => setTimeout(resolve, Math.min(5, seconds) * 1000));
    return request(method, path, body, { ...options, since });
  }

  // A stale CSRF token (e.g. after signing in in another tab): refresh it once and retry.
  if (response.status === 403 && error.type === 'csrf' && !options.retried) {
    try {
      const session = await request('GET', '/session', undefined, { allow401: true });
      setCsrfToken(session && session.csrfToken);
      return await request(method, path, body, { ...options, retried: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) { if (!options.allow401) onUnauthenticated(e); throw e; }
      throw error;
    }
  }
  // 401 means the session is gone — except a wrong password, which the form reports itself.
  if (response.status === 401 && !options.allow401 && error.type !== 'invalid-credentials') {
    onUnauthenticated(error);
  }
  throw error;
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body = {}, options) => request('POST', path, body, options),
  put: (path, body = {}, options) => request('PUT', path, body, options),
  del: (path, options) => request('DELETE', path, undefined, options),
  /** POSTs a File or Blob as the raw request body (options.contentType: its media type). */
  upload: (path, blob, options) => request('POST', path, blob, { ...options, raw: true }),
};

/** Builds a query string from an object, skipping null/empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
