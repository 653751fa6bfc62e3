// Huijian web app: starts i18n, restores the session, and renders the screen for the route.
//   #/login      sign in                       #/password   change own password
//   #/admin/...  admin console (console roles)  #/portal/... lawyer portal
//   #/<page>     public pages of installed features (e.g. #/register), for people not signed in
import { api, setCsrfToken, setUnauthenticatedHandler } from './api.js';
import { initI18n, t } from './i18n.js';
import { clearAlert } from './dom.js';
import { currentRoute, onRouteChange } from './router.js';
import { loadFeatureModules, visiblePublicPages } from './sections/registry.js';
import { renderLogin } from './views/login.js';
import { renderPassword } from './views/password.js';
import { renderAdmin } from './views/admin.js';
import { renderPortal } from './views/portal.js';
import { renderDenied, isConsoleUser, isLawyer } from './views/shell.js';

const app = {
  session: null,
  capabilities: [],
  returnTo: null,
  loginNotice: null,
  loginUsername: '',
  render,
  home,
  setSession,
  signedIn,
  signOut,
};

function root() { return document.getElementById('app'); }

function setSession(session) {
  app.session = session;
  setCsrfToken(session ? session.csrfToken : null);
}

/** Where a signed-in user starts. */
function home() {
  if (isConsoleUser(app.session)) return '#/admin';
  if (isLawyer(app.session)) return '#/portal';
  return '#/denied';
}

function allowed(hash) {
  const [top] = hash.replace(/^#\/?/, '').split('/');
  return (top === 'admin' && isConsoleUser(app.session)) || (top === 'portal' && isLawyer(app.session));
}

async function loadCapabilities() {
  try {
    const list = await api.get('/capabilities');
    app.capabilities = list.map(c => c.id);
  } catch (error) {
    console.warn('GET /api/capabilities failed; assuming core', error);
    app.capabilities = ['core'];
  }
  await loadFeatureModules(app.capabilities);
}

async function signedIn(session) {
  setSession(session);
  app.loginUsername = '';
  await loadCapabilities();
  const target = app.returnTo && allowed(app.returnTo) ? app.returnTo : home();
  app.returnTo = null;
  location.hash = session.mustChangePassword ? '#/password' : target;
}

async function signOut() {
  try { await api.del('/session', { allow401: true }); } catch { /* signed out anyway */ }
  setSession(null);
  app.returnTo = null;
  app.loginNotice = 'login.signedOut';
  location.hash = '#/login';
}

function lostSession() {
  setSession(null);
  const [top] = currentRoute();
  if (top !== 'login') {
    app.returnTo = location.hash;
    app.loginNotice = 'login.sessionExpired';
    location.hash = '#/login';
  }
}

let firstRender = true;

async function render(event) {
  const fromNavigation = !!event && !firstRender;
  firstRender = false;
  clearAlert();
  document.getElementById('skip-link').textContent = t('app.skipToContent');
  const [top, ...rest] = currentRoute();
  const el = root();
  el.removeAttribute('aria-busy');
  if (!app.session) {
    const page = visiblePublicPages(app.capabilities).find(p => p.id === top);
    if (page) { page.render(el, app, rest); return; }
    if (top !== 'login') {
      if (top) app.returnTo = location.hash;
      location.replace('#/login');
      return;
    }
    renderLogin(el, app);
    return;
  }
  if (app.session.mustChangePassword) {
    if (top !== 'password') { location.replace('#/password'); return; }
    renderPassword(el, app, true);
    return;
  }
  if (top === 'password') { renderPassword(el, app, false); return; }
  if (top === 'admin' && isConsoleUser(app.session)) { await renderAdmin(el, app, rest, fromNavigation); return; }
  if (top === 'portal' && isLawyer(app.session)) { await renderPortal(el, app, rest, fromNavigation); return; }
  if (top === 'denied' && !isConsoleUser(app.session) && !isLawyer(app.session)) { renderDenied(el, app); return; }
  location.replace(home());
}

async function start() {
  await initI18n();
  setUnauthenticatedHandler(lostSession);
  document.getElementById('skip-link').addEventListener('click', event => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
  try {
    setSession(await api.get('/session', { allow401: true }));
  } catch {
    setSession(null);
  }
  // Also before signing in: installed features may offer public pages (e.g. a lawyer's registration).
  await loadCapabilities();
  onRouteChange(render);
  await render();
}

start().catch(error => {
  console.error(error);
  root().textContent = `Huijian: ${error.message}`;
});
