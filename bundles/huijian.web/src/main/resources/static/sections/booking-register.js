// #/register — a lawyer registers (public): name, ID card, licence, law firm, mobile, e-mail (optional),
// user name and password. The licence is then verified; until then the lawyer signs in but cannot book.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, logo, field, makeForm, loading, errorBox, optionsOf, setOptions } from '../dom.js';
import { langToggle } from '../views/shell.js';
import { registerPublicPage } from './registry.js';
import { idCardProblem } from './booking-common.js';

const USERNAME = '^[A-Za-z0-9._@\\-]{2,64}$';
const MOBILE = '^1[3-9][0-9]{9}$';
const LICENCE = '^[0-9]{17}$';

registerPublicPage({ id: 'register', capability: 'booking', linkKey: 'register.link', order: 10, render: renderRegister });

function renderRegister(root, app) {
  const main = h('main', { id: 'main', class: 'login-card wide', tabindex: '-1' },
    h('div', { class: 'login-brand' }, logo(48), h('h1', { id: 'register-title', tabindex: '-1' }, t('register.title'))),
    h('p', { class: 'muted' }, t('register.intro')));
  const body = h('div', { id: 'register-body' }, loading());
  const back = h('p', { class: 'center' }, h('a', { href: '#/login', id: 'register-back' }, t('register.backToLogin')));
  main.append(body, back);
  root.replaceChildren(h('div', { class: 'view login-view', id: 'register-view' },
    h('div', { class: 'login-lang' }, langToggle(app)), main,
    h('footer', { class: 'login-footer muted' }, t('login.footer'))));

  const form = registerForm(app, done => {
    body.replaceChildren(done);
    back.hidden = true;
    done.focus();
  });
  const firmSelect = form.querySelector('#register-form-lawFirmId');
  body.replaceChildren(form);
  main.querySelector('h1').focus();
  api.get('/registrations/law-firms').then(firms => {
    firms.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    setOptions(firmSelect, optionsOf(firms, { empty: firms.length ? t('common.choose') : t('register.noFirms') }));
  }, error => body.prepend(errorBox(error)));
}

function registerForm(app, onDone) {
  const f = 'register-form';
  return makeForm({
    id: f, submitLabel: t('register.submit'),
    children: [
      field(f, { name: 'name', label: t('field.personName'), required: true, attrs: { autocomplete: 'name', maxlength: 50 } }),
      field(f, { name: 'idCardNo', label: t('register.idCardNo'), required: true, hint: t('register.idCardHint'),
        attrs: { autocomplete: 'off', spellcheck: 'false', maxlength: 18, inputmode: 'text' } }),
      field(f, { name: 'licenceNo', label: t('field.licenceNo'), required: true, hint: t('lawyers.licenceHint'),
        attrs: { autocomplete: 'off', inputmode: 'numeric', maxlength: 17, pattern: LICENCE,
          'data-pattern-message': t('register.licenceFormat') } }),
      field(f, { name: 'lawFirmId', label: t('lawyers.lawFirm'), type: 'select', dataType: 'number', required: true,
        options: [{ value: '', label: t('common.loading') }] }),
      field(f, { name: 'mobile', label: t('lawyers.mobile'), type: 'tel', required: true,
        attrs: { autocomplete: 'tel', inputmode: 'numeric', pattern: MOBILE, 'data-pattern-message': t('register.mobileFormat') } }),
      field(f, { name: 'email', label: t('register.email'), type: 'email', hint: t('register.emailHint'),
        attrs: { autocomplete: 'email', spellcheck: 'false', autocapitalize: 'none', maxlength: 254 } }),
      field(f, { name: 'username', label: t('login.username'), required: true, hint: t('accounts.usernameHint'),
        attrs: { autocomplete: 'username', spellcheck: 'false', autocapitalize: 'none', pattern: USERNAME,
          'data-pattern-message': t('accounts.usernameHint') } }),
      field(f, { name: 'password', label: t('login.password'), type: 'password', required: true,
        hint: t('register.passwordHint'), attrs: { autocomplete: 'new-password' } }),
      field(f, { name: 'confirm', label: t('register.confirm'), type: 'password', required: true,
        attrs: { autocomplete: 'new-password' } }),
    ],
    validate: v => {
      const errors = [];
      const idProblem = v.idCardNo && idCardProblem(v.idCardNo);
      if (idProblem) errors.push({ field: 'idCardNo', message: t(idProblem) });
      if (v.password && v.confirm && v.password !== v.confirm) errors.push({ field: 'confirm', message: t('password.mismatch') });
      return errors;
    },
    onSubmit: async values => {
      await api.post('/registrations', {
        name: values.name, idCardNo: values.idCardNo.toUpperCase(), licenceNo: values.licenceNo,
        lawFirmId: values.lawFirmId, mobile: values.mobile, username: values.username, password: values.password,
        email: values.email, licencePhotoDocumentId: null,
      });
      app.loginUsername = values.username;
      onDone(h('div', { class: 'notice done', id: 'register-done', role: 'status', tabindex: '-1' },
        h('p', null, h('strong', null, t('register.done', { username: values.username }))),
        h('p', null, t('register.doneVerify')),
        h('p', null, h('a', { href: '#/login', class: 'btn primary', id: 'register-done-login' }, t('register.toLogin')))));
    },
  });
}
