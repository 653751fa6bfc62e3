// #/login — the sign-in form (and the product's name). Errors appear in #login-error.
import { api, ApiError } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, logo } from '../dom.js';
import { visiblePublicPages } from '../sections/registry.js';
import { langToggle } from './shell.js';

export function loginMessage(error) {
  if (!(error instanceof ApiError)) return t('problem.unexpected', { detail: error?.message || String(error) });
  switch (error.type) {
    case 'invalid-credentials': return t('login.invalidCredentials');
    case 'account-locked': return error.problem.lockedUntil
      ? t('login.accountLocked', { until: formatInstant(error.problem.lockedUntil) }) : t('login.accountLockedNoTime');
    case 'account-disabled': return t('login.accountDisabled');
    case 'network': return t('problem.network');
    default: return t('login.failed', { detail: error.problem.detail || error.problem.title || `HTTP ${error.status}` });
  }
}

export function renderLogin(root, app) {
  const errorBox = h('div', { id: 'login-error', class: 'form-summary', role: 'alert', hidden: true });
  const notice = app.loginNotice
    ? h('p', { id: 'login-notice', class: 'notice', role: 'status' }, t(app.loginNotice)) : null;
  const username = h('input', { id: 'username', name: 'username', type: 'text', required: true,
    autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', 'aria-describedby': 'login-error' });
  username.value = app.loginUsername || '';
  username.addEventListener('input', () => { app.loginUsername = username.value; });
  const password = h('input', { id: 'password', name: 'password', type: 'password', required: true,
    autocomplete: 'current-password', 'aria-describedby': 'login-error' });
  const submit = h('button', { type: 'submit', id: 'login-submit', class: 'btn primary block' }, t('login.submit'));

  const showError = (message, focus) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
    focus?.focus();
  };

  const form = h('form', { id: 'login-form', class: 'form', novalidate: true, 'aria-labelledby': 'login-title' },
    errorBox,
    h('div', { class: 'field' }, h('label', { for: 'username' }, t('login.username')), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('login.password')), password),
    h('div', { class: 'form-actions' }, submit));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (submit.disabled) return;
    errorBox.hidden = true;
    username.removeAttribute('aria-invalid');
    password.removeAttribute('aria-invalid');
    const name = username.value.trim();
    if (!name || !password.value) {
      const missing = !name ? username : password;
      missing.setAttribute('aria-invalid', 'true');
      showError(!name ? t('login.usernameMissing') : t('login.passwordMissing'), missing);
      return;
    }
    submit.disabled = true;
    submit.textContent = t('login.submitting');
    try {
      const session = await api.post('/session', { username: name, password: password.value }, { allow401: true });
      app.loginNotice = null;
      await app.signedIn(session);
    } catch (error) {
      if (error instanceof ApiError && error.type === 'invalid-credentials') password.setAttribute('aria-invalid', 'true');
      showError(loginMessage(error), password);
    } finally {
      submit.disabled = false;
      submit.textContent = t('login.submit');
    }
  });

  root.replaceChildren(h('div', { class: 'view login-view', id: 'login-view' },
    h('div', { class: 'login-lang' }, langToggle(app)),
    h('main', { id: 'main', class: 'login-card', tabindex: '-1' },
      h('div', { class: 'login-brand' }, logo(64),
        h('h1', { id: 'login-title' }, t('app.name')),
        h('p', { class: 'product-sub', lang: 'en' }, 'Huijian')),
      h('p', { class: 'muted center' }, t('login.intro')),
      notice,
      form,
      publicLinks(app)),
    h('footer', { class: 'login-footer muted' }, t('login.footer'))));
  (username.value ? password : username).focus();
}

/** Links to the public pages of installed features, e.g. id="register-link". */
function publicLinks(app) {
  const pages = visiblePublicPages(app.capabilities);
  if (!pages.length) return null;
  return h('ul', { class: 'login-links' }, pages.map(p =>
    h('li', null, h('a', { href: `#/${p.id}`, id: `${p.id}-link` }, t(p.linkKey)))));
}
