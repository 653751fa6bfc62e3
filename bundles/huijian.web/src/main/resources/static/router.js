// Hash routing: #/login, #/password, #/portal, #/admin/<section>/<id>...

/** The current route as path segments, e.g. ['admin', 'centres', '3']. */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  return hash.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}

export function href(...segments) {
  return '#/' + segments.map(s => encodeURIComponent(String(s))).join('/');
}

/** Navigates; re-renders even when the hash does not change. */
export function go(path, render) {
  if (location.hash === path) render?.();
  else location.hash = path;
}

export function onRouteChange(render) {
  window.addEventListener('hashchange', render);
}
