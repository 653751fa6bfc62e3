// 会见分机 — terminals: list, register (LAWYER at a position of a centre, DETAINEE at a detention
// centre, CONSOLE at either), enable/disable, and (with the devices feature) the device credential each kiosk
// signs in with: credential-<id> issues one, shown once in credential-secret; revoke-<id> revokes it.
import { api } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, field, makeForm, panel, table, badge, button, act, notify, loading, errorBox, optionsOf, setOptions,
  showField } from '../dom.js';
import { registerSection } from './registry.js';
import { SITE_READERS, sectionTitle, byId } from './common.js';

const KINDS = ['LAWYER', 'DETAINEE', 'CONSOLE'];

registerSection({
  id: 'terminals', capability: 'core', roles: SITE_READERS, titleKey: 'nav.terminals', order: 30,
  render: renderTerminals,
});

async function renderTerminals(container, ctx) {
  container.replaceChildren(sectionTitle(t('nav.terminals')), loading());
  let centres, detentionCentres;
  try {
    [centres, detentionCentres] = await Promise.all([api.get('/centres'), api.get('/detention-centres')]);
  } catch (error) {
    container.replaceChildren(sectionTitle(t('nav.terminals')), errorBox(error));
    return;
  }
  const centreById = byId(centres);
  const dcById = byId(detentionCentres);
  const positionNames = new Map();

  const list = h('div', { id: 'terminal-list' }, loading());
  const secretBox = h('div', { id: 'terminal-secret-box', 'aria-live': 'polite' });
  const refresh = async () => {
    try {
      const terminals = await api.get('/terminals');
      // Device credentials, when the devices feature is installed (404 otherwise: no column).
      const credentials = await api.get('/terminal-credentials').catch(() => null);
      const credentialOf = id => (credentials || []).find(c => c.terminalId === id);
      // Which are connected now, when the meeting feature is installed (404 otherwise: no column).
      const presence = await api.get('/terminal-presence').catch(() => null);
      const onlineOf = id => (presence || []).find(p => p.terminalId === id);
      // Position names of the centres that have lawyer terminals.
      const needed = [...new Set(terminals.filter(x => x.positionId && !positionNames.has(x.positionId)).map(x => x.centreId))]
        .filter(Boolean);
      await Promise.all(needed.map(async cid => {
        try { (await api.get(`/centres/${cid}/positions`)).forEach(p => positionNames.set(p.id, p.name)); } catch { /* shown by id */ }
      }));
      list.replaceChildren(table({
        id: 'terminal-table', caption: t('terminals.list'), rows: terminals, empty: t('terminals.none'),
        columns: [
          { label: t('field.code'), cell: x => x.code },
          { label: t('field.name'), cell: x => x.name },
          { label: t('terminals.kind'), cell: x => t(`kind.${x.kind}`) },
          { label: t('terminals.place'), cell: x => place(x) },
          { label: t('common.status'), cell: x => (x.enabled ? badge(t('common.enabled'), 'ok') : badge(t('common.disabled'), 'off')) },
          ...(presence ? [{ label: t('terminals.online'), cell: x => {
            const p = onlineOf(x.id);
            return p ? h('span', { id: `presence-${x.id}`, 'data-online': 'true' }, badge(t('terminals.isOnline'), 'ok'), ' ',
              h('span', { class: 'muted small' }, t('terminals.onlineSince', { when: formatInstant(p.since) })))
              : h('span', { id: `presence-${x.id}`, 'data-online': 'false' }, badge(t('terminals.isOffline'), 'off'));
          } }] : []),
          ...(credentials ? [{ label: t('terminals.credential'), cell: x => credentialCell(x, credentialOf(x.id)) }] : []),
          ...(ctx.canWrite ? [{ label: t('common.actions'), cell: x => button(x.enabled ? t('common.disable') : t('common.enable'),
            e => act(e.currentTarget, async () => {
              await api.put(`/terminals/${x.id}/enabled`, { enabled: !x.enabled });
              await refresh();
            }, x.enabled ? t('common.disabledNamed', { name: x.name }) : t('common.enabledNamed', { name: x.name })),
            { kind: 'small', 'aria-label': `${x.enabled ? t('common.disable') : t('common.enable')} ${x.name}` }) }] : []),
        ],
      }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };

  function credentialCell(x, c) {
    const state = !c ? h('span', { class: 'muted' }, t('terminals.noCredential'))
      : c.revokedAt ? h('span', { class: 'muted' }, t('terminals.credentialRevoked', { when: formatInstant(c.revokedAt) }))
        : h('span', null, t('terminals.credentialIssued', { when: formatInstant(c.issuedAt) }),
          c.lastUsedAt ? h('span', { class: 'muted small' }, ' · ' + t('terminals.credentialUsed', { when: formatInstant(c.lastUsedAt) })) : null);
    if (!ctx.canWrite) return state;
    return h('span', { class: 'row-actions' }, state,
      button(c && !c.revokedAt ? t('terminals.reissue') : t('terminals.issue'), e => act(e.currentTarget, async () => {
        const issued = await api.post(`/terminals/${x.id}/credential`, {});
        showSecret(x, issued.secret);
        await refresh();
      }), { kind: 'small', id: `credential-${x.id}`, 'aria-label': `${t('terminals.issue')} ${x.name}` }),
      c && !c.revokedAt ? button(t('terminals.revoke'), e => act(e.currentTarget, async () => {
        await api.del(`/terminals/${x.id}/credential`);
        secretBox.replaceChildren();
        await refresh();
      }, t('terminals.revokedNamed', { name: x.name })), { kind: 'small', id: `revoke-${x.id}`,
        'aria-label': `${t('terminals.revoke')} ${x.name}` }) : null);
  }

  /** The secret, once: the administrator enters it in the kiosk; it cannot be shown again. */
  function showSecret(x, secret) {
    secretBox.replaceChildren(panel(t('terminals.secretTitle', { name: x.name }),
      h('p', null, t('terminals.secretHint')),
      h('p', null, h('code', { id: 'credential-secret', class: 'secret' }, secret)),
      h('p', null, button(t('common.close'), () => secretBox.replaceChildren(), { kind: 'small', id: 'secret-close' }))));
  }

  function place(x) {
    const parts = [];
    if (x.centreId) parts.push(centreById.get(x.centreId)?.name ?? `#${x.centreId}`);
    if (x.positionId) parts.push(`${t('terminals.position')} ${positionNames.get(x.positionId) ?? '#' + x.positionId}`);
    if (x.detentionCentreId) parts.push(dcById.get(x.detentionCentreId)?.name ?? `#${x.detentionCentreId}`);
    return parts.join(' · ');
  }

  container.replaceChildren(sectionTitle(t('nav.terminals')), secretBox,
    panel(t('terminals.list'), list),
    ctx.canWrite ? panel(t('terminals.register'), registerForm(centres, detentionCentres, refresh)) : null);
  await refresh();
  // Online / offline keeps itself current while the list is on screen.
  const poll = setInterval(() => {
    if (!list.isConnected) { clearInterval(poll); return; }
    if (!list.contains(document.activeElement)) refresh();
  }, 15000);
}

function registerForm(centres, detentionCentres, refresh) {
  const f = 'terminal-form';
  const form = makeForm({
    id: f, submitLabel: t('terminals.registerSubmit'), className: 'grid-form',
    children: [
      field(f, { name: 'code', label: t('field.code'), required: true, hint: t('terminals.codeHint'), attrs: { autocomplete: 'off' } }),
      field(f, { name: 'name', label: t('field.name'), required: true }),
      field(f, { name: 'kind', label: t('terminals.kind'), type: 'select', required: true, value: 'LAWYER',
        options: KINDS.map(k => ({ value: k, label: t(`kind.${k}`) })) }),
      field(f, { name: 'centreId', label: t('terminals.centre'), type: 'select', dataType: 'number',
        options: optionsOf(centres, { empty: t('common.choose') }) }),
      field(f, { name: 'positionId', label: t('terminals.position'), type: 'select', dataType: 'number',
        options: [{ value: '', label: t('terminals.chooseCentreFirst') }] }),
      field(f, { name: 'detentionCentreId', label: t('terminals.detentionCentre'), type: 'select', dataType: 'number',
        options: optionsOf(detentionCentres, { empty: t('common.choose') }) }),
    ],
    validate: v => {
      const errors = [];
      const need = name => { if (v[name] == null) errors.push({ field: name, message: t('validation.required') }); };
      if (v.kind === 'LAWYER') { need('centreId'); need('positionId'); }
      if (v.kind === 'DETAINEE') need('detentionCentreId');
      if (v.kind === 'CONSOLE' && (v.centreId == null) === (v.detentionCentreId == null)) {
        errors.push({ field: 'centreId', message: t('terminals.consolePlace') });
      }
      return errors;
    },
    onSubmit: async (values, form) => {
      const body = { code: values.code, name: values.name, kind: values.kind, centreId: values.centreId ?? null,
        detentionCentreId: values.detentionCentreId ?? null, positionId: values.positionId ?? null };
      const created = await api.post('/terminals', body);
      form.reset();
      onKind();
      onCentre();
      notify(t('terminals.registered', { name: created.name }));
      await refresh();
    },
  });

  const kind = form.querySelector(`#${f}-kind`);
  const centre = form.querySelector(`#${f}-centreId`);
  const position = form.querySelector(`#${f}-positionId`);

  function onKind() {
    const k = kind.value;
    showField(form, 'centreId', k === 'LAWYER' || k === 'CONSOLE');
    showField(form, 'positionId', k === 'LAWYER');
    showField(form, 'detentionCentreId', k === 'DETAINEE' || k === 'CONSOLE');
    form.querySelector(`#${f}-centreId`).required = k === 'LAWYER';
    form.querySelector(`#${f}-positionId`).required = k === 'LAWYER';
    form.querySelector(`#${f}-detentionCentreId`).required = k === 'DETAINEE';
    form.querySelectorAll('.field .req').forEach(star => {
      const control = star.closest('.field').querySelector('select, input');
      star.hidden = !control.required;
    });
  }

  async function onCentre() {
    if (!centre.value) {
      setOptions(position, [{ value: '', label: t('terminals.chooseCentreFirst') }]);
      return;
    }
    try {
      const positions = await api.get(`/centres/${centre.value}/positions`);
      setOptions(position, optionsOf(positions, { empty: positions.length ? t('common.choose') : t('terminals.noPositions'),
        label: p => `${p.name} (${p.code})${p.enabled ? '' : ' — ' + t('common.disabled')}` }));
    } catch {
      setOptions(position, [{ value: '', label: t('terminals.noPositions') }]);
    }
  }

  // Required stars are shown per kind; make sure every place field has one to toggle.
  ['centreId', 'positionId', 'detentionCentreId'].forEach(name => {
    const label = form.querySelector(`label[for="${f}-${name}"]`);
    if (!label.querySelector('.req')) label.append(h('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
  });
  kind.addEventListener('change', onKind);
  centre.addEventListener('change', onCentre);
  onKind();
  return form;
}
