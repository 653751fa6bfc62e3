// #/password — change one's own password; forced after sign-in when the session says
// mustChangePassword (first sign-in, or after an administrator reset it).
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { h, field, makeForm, notify } from '../dom.js';
import { header } from './shell.js';

export function renderPassword(root, app, forced) {
  const f = 'password-form';
  const form = makeForm({
    id: f, submitLabel: t('password.submit'),
    children: [
      // For password managers: whose password this is (no name, so it is not sent).
      h('input', { type: 'text', autocomplete: 'username', value: app.session.username, hidden: true, readonly: true,
        'aria-hidden': 'true', tabindex: '-1' }),
      field(f, { name: 'currentPassword', label: t('password.current'), type: 'password', required: true,
        attrs: { autocomplete: 'current-password' } }),
      field(f, { name: 'newPassword', label: t('password.new'), type: 'password', required: true,
        hint: t('password.hint'), attrs: { autocomplete: 'new-password' } }),
      field(f, { name: 'confirm', label: t('password.confirm'), type: 'password', required: true,
        attrs: { autocomplete: 'new-password' } }),
    ],
    extraButtons: forced ? [] : [h('a', { href: '#/', class: 'btn ghost', id: 'password-cancel' }, t('common.cancel'))],
    validate: v => {
      const errors = [];
      if (v.newPassword && v.confirm && v.newPassword !== v.confirm) errors.push({ field: 'confirm', message: t('password.mismatch') });
      if (v.newPassword && v.newPassword === v.currentPassword) errors.push({ field: 'newPassword', message: t('password.same') });
      return errors;
    },
    onSubmit: async (values, form) => {
      let session;
      try {
        session = await api.post('/session/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      } catch (error) {
        if (error instanceof ApiError && error.type === 'invalid-credentials') {
          throw new ApiError(400, { type: 'invalid-input', title: error.problem.title,
            errors: [{ field: 'currentPassword', message: t('password.wrongCurrent') }] });
        }
        throw error;
      }
      form.reset();
      app.setSession(session && session.username ? session : { ...app.session, mustChangePassword: false });
      notify(t('password.changed'));
      location.hash = app.home();
    },
  });
  root.replaceChildren(h('div', { class: 'view', id: 'password-view' }, header(app),
    h('main', { id: 'main', class: 'narrow', tabindex: '-1' },
      h('h1', null, t('password.title')),
      forced ? h('p', { class: 'notice', id: 'password-forced', role: 'status' }, t('password.forced')) : null,
      h('section', { class: 'panel' }, form))));
  form.querySelector('input:not([hidden])').focus();
}
