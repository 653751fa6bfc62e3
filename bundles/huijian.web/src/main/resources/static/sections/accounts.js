// 账号 — accounts (site-admin only): list, create, lock with a reason, unlock, reset the password,
// change roles.
import { api } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, field, choiceGroup, makeForm, panel, table, badge, button, act, loading, errorBox, optionsOf, notify,
  showField, requireValue } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle, byId } from './common.js';

/** Roles an administrator hands out here (terminal credentials are issued with the devices). */
export const ASSIGNABLE_ROLES = ['site-admin', 'approver', 'supervisor', 'auditor', 'lawyer', 'integration'];

registerSection({
  id: 'accounts', capability: 'core', roles: ['site-admin'], titleKey: 'nav.accounts', order: 80, render: renderAccounts,
});

function roleNames(roles) {
  return (roles || []).map(r => t(`role.${r}`)).join(t('common.listSeparator'));
}

function isLocked(a) {
  return a.lockedUntil && new Date(a.lockedUntil).getTime() > Date.now();
}

function statusBadges(a) {
  const out = [];
  if (a.disabled) out.push(badge(a.disabledReason ? t('accounts.disabledWhy', { reason: a.disabledReason }) : t('accounts.disabled'), 'off'));
  if (isLocked(a)) out.push(badge(t('accounts.lockedUntil', { until: formatInstant(a.lockedUntil) }), 'off'));
  if (a.mustChangePassword) out.push(badge(t('accounts.mustChange'), 'warn'));
  if (!out.length) out.push(badge(t('accounts.active'), 'ok'));
  return h('span', { class: 'badges' }, out);
}

function passwordField(formId, name, label) {
  return field(formId, { name, label, type: 'password', required: true, hint: t('accounts.passwordHint'),
    attrs: { autocomplete: 'new-password' } });
}

async function renderAccounts(container, ctx) {
  container.replaceChildren(sectionTitle(t('nav.accounts')), loading());
  let lawyers = [];
  try {
    lawyers = await api.get('/lawyers');
  } catch (error) {
    if (error.status === 401) return;
    lawyers = [];
  }
  const lawyerById = byId(lawyers);
  const list = h('div', { id: 'account-list' }, loading());
  const manageBox = h('div', { id: 'account-manage' });
  let accounts = [];

  const refresh = async () => {
    try {
      accounts = await api.get('/accounts');
      accounts.sort((a, b) => a.username.localeCompare(b.username));
      list.replaceChildren(table({
        id: 'account-table', caption: t('accounts.list'), rows: accounts,
        columns: [
          { label: t('accounts.username'), cell: a => h('code', null, a.username) },
          { label: t('accounts.displayName'), cell: a => a.displayName || '' },
          { label: t('accounts.roles'), cell: a => roleNames(a.roles) },
          { label: t('accounts.lawyer'), cell: a => (a.lawyerId ? lawyerById.get(a.lawyerId)?.name ?? `#${a.lawyerId}` : '') },
          { label: t('common.status'), cell: statusBadges },
          { label: t('accounts.lastLogin'), cell: a => formatInstant(a.lastLoginAt) || t('accounts.never') },
          { label: t('common.actions'), cell: a => button(t('common.manage'), () => manage(a.username),
            { kind: 'small', 'aria-label': t('common.manageNamed', { name: a.username }), id: `manage-${a.username}` }) },
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };

  // The management panel of one account: status, lock/unlock, reset password, roles.
  function manage(username) {
    const a = accounts.find(x => x.username === username);
    if (!a) { manageBox.replaceChildren(); return; }
    const after = async message => {
      notify(message);
      await refresh();
      manage(username);
    };
    const lockForm = makeForm({
      id: 'lock-form', submitLabel: t('accounts.lock'), className: 'inline-form',
      children: [field('lock-form', { name: 'reason', label: t('accounts.lockReason'), required: true })],
      onSubmit: async values => {
        await api.post(`/accounts/${encodeURIComponent(username)}/lock`, { reason: values.reason });
        await after(t('accounts.lockedDone', { name: username }));
      },
    });
    const unlock = button(t('accounts.unlock'), e => act(e.currentTarget, async () => {
      await api.post(`/accounts/${encodeURIComponent(username)}/unlock`, {});
      await after(t('accounts.unlockedDone', { name: username }));
    }), { kind: '', id: 'unlock-account' });
    const passwordForm = makeForm({
      id: 'reset-password-form', submitLabel: t('accounts.resetPassword'), className: 'inline-form',
      children: [passwordField('reset-password-form', 'password', t('accounts.newPassword'))],
      onSubmit: async (values, form) => {
        await api.post(`/accounts/${encodeURIComponent(username)}/password`, { password: values.password });
        form.reset();
        await after(t('accounts.passwordResetDone', { name: username }));
      },
    });
    const rolesForm = makeForm({
      id: 'roles-form', submitLabel: t('accounts.saveRoles'),
      children: [choiceGroup('roles-form', { name: 'roles', legend: t('accounts.roles'), value: a.roles,
        choices: rolesOf(a.roles).map(r => ({ value: r, label: t(`role.${r}`) })) })],
      validate: v => requireValue(v, 'roles'),
      onSubmit: async values => {
        await api.put(`/accounts/${encodeURIComponent(username)}/roles`, { roles: values.roles });
        await after(t('accounts.rolesSaved', { name: username }));
      },
    });
    const blocked = a.disabled || isLocked(a);
    const title = h('h2', { class: 'panel-title', tabindex: '-1' }, t('accounts.manageTitle', { name: username }));
    manageBox.replaceChildren(h('section', { class: 'panel', id: 'account-panel' }, title,
      h('p', null, statusBadges(a)),
      h('div', { class: 'manage-grid' },
        h('div', null, h('h3', null, blocked ? t('accounts.unlockTitle') : t('accounts.lockTitle')),
          blocked ? h('div', null, h('p', { class: 'muted' }, t('accounts.unlockExplain')), unlock) : lockForm),
        h('div', null, h('h3', null, t('accounts.resetPassword')), h('p', { class: 'muted' }, t('accounts.resetExplain')), passwordForm),
        h('div', null, h('h3', null, t('accounts.roles')), rolesForm)),
      h('p', null, button(t('common.close'), () => manageBox.replaceChildren(), { kind: 'small' }))));
    title.focus();
  }

  container.replaceChildren(sectionTitle(t('nav.accounts')),
    panel(t('accounts.list'), list), manageBox,
    panel(t('accounts.create'), createForm(lawyers, refresh)));
  await refresh();
}

/** The assignable roles, plus any other role the account already holds (kept, not dropped). */
function rolesOf(current) {
  return [...ASSIGNABLE_ROLES, ...(current || []).filter(r => !ASSIGNABLE_ROLES.includes(r))];
}

function createForm(lawyers, refresh) {
  const f = 'account-form';
  const form = makeForm({
    id: f, submitLabel: t('common.create'), className: 'grid-form',
    children: [
      field(f, { name: 'username', label: t('accounts.username'), required: true, hint: t('accounts.usernameHint'),
        attrs: { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', pattern: '^[A-Za-z0-9._@\\-]{2,64}$',
          'data-pattern-message': t('accounts.usernameHint') } }),
      field(f, { name: 'displayName', label: t('accounts.displayName'), required: true }),
      choiceGroup(f, { name: 'roles', legend: t('accounts.roles'), required: true,
        choices: ASSIGNABLE_ROLES.map(r => ({ value: r, label: t(`role.${r}`) })) }),
      field(f, { name: 'lawyerId', label: t('accounts.lawyer'), type: 'select', dataType: 'number',
        options: optionsOf(lawyers, { empty: lawyers.length ? t('common.choose') : t('accounts.noLawyers'),
          label: l => `${l.name} (${l.licenceNo})` }) }),
      passwordField(f, 'password', t('accounts.initialPassword')),
    ],
    validate: v => [...requireValue(v, 'roles'),
      ...((v.roles || []).includes('lawyer') && v.lawyerId == null ? [{ field: 'lawyerId', message: t('accounts.lawyerRequired') }] : [])],
    onSubmit: async (values, form) => {
      const isLawyer = values.roles.includes('lawyer');
      const account = await api.post('/accounts', { username: values.username, displayName: values.displayName,
        roles: values.roles, lawyerId: isLawyer ? values.lawyerId : null, password: values.password });
      form.reset();
      toggleLawyer();
      notify(t('accounts.created', { name: account.username }));
      await refresh();
    },
  });
  const toggleLawyer = () => showField(form, 'lawyerId',
    [...form.querySelectorAll(`input[name="roles"]`)].some(c => c.value === 'lawyer' && c.checked));
  form.addEventListener('change', e => { if (e.target.name === 'roles') toggleLawyer(); });
  toggleLawyer();
  return form;
}
