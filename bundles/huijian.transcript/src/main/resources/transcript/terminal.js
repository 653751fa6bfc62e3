// 会见笔录 on the kiosk terminals (/transcript/terminal.html?meeting=ID), in the kiosk's panel or opened alone.
// The lawyer terminal writes (autosaved within ~1 s, kept in localStorage until the server has it), submits for
// signing, takes it back, prints; the detainee terminal reads the submitted text and signs with pen, finger or mouse
// (pointer events: x, y, pressure, time). Both follow the other side by polling the transcript every 1.5 s.
const SECRET_KEY = 'huijian.terminal.secret';
const LANG_KEY = 'huijian.kiosk.lang';
const POLL_MS = 1500;
const SAVE_DELAY_MS = 700;

const zh = {
  title: '会见笔录', loading: '正在加载…',
  'who.LAWYER': '律师终端', 'who.DETAINEE': '在押人员终端',
  'secret.missing': '本终端尚未登记设备凭证，请在会见终端页面登记后再打开会见笔录。',
  'secret.label': '设备凭证', 'secret.save': '保存',
  'meeting.none': '当前没有会见，无法打开会见笔录。',
  'h.time': '会见时间', 'h.place': '会见地点', 'h.position': '机位', 'h.lawyer': '会见律师', 'h.recorder': '记录人',
  'h.detainee': '被会见人', 'h.detentionCentre': '羁押场所', 'h.caseNo': '案件', 'h.bookingReference': '预约号',
  'speaker.Q': '问', 'speaker.A': '答', 'add.Q': '＋ 问', 'add.A': '＋ 答', 'turn.remove': '删除',
  'save.saved': '已保存', 'save.saving': '正在保存…', 'save.pending': '有未保存的修改',
  'save.offline': '网络中断：内容已保留在本机，恢复后自动保存', 'save.conflict': '笔录已在别处修改，已合并本机内容',
  'save.restored': '已恢复本机未保存的内容',
  submit: '提交签字', withdraw: '撤回修改', print: '打印', 'print.copies': '份数', 'print.printer': '打印机',
  'print.none': '本机位没有可用的打印机', 'print.sent': '已发送到打印机 {printer}',
  'submit.confirm': '提交后笔录内容将锁定并显示给在押人员签字。确定提交吗？',
  'state.DRAFT': '起草中', 'state.SUBMITTED': '已提交，等待在押人员签字', 'state.SIGNED': '已签名，正在生成 PDF',
  'state.SEALED': '已签名并生成 PDF（服务器已签章）', 'state.PRINTED': '已签名、已打印',
  'detainee.wait': '律师正在记录会见笔录，请稍候…', 'detainee.read': '请仔细阅读以下笔录，确认无误后在下方签名。',
  'sign.hint': '请在此处签名', 'sign.clear': '重写', 'sign.confirm': '确认签名', 'sign.pad': '使用签字板签名',
  'sign.empty': '请先在签名区签名', 'sign.done': '签名已确认，谢谢。', 'sign.sending': '正在提交签名…',
  'sealed.hash': 'PDF 的 SHA-256：{sha}', 'seal.problem': 'PDF 生成失败：{problem}', seal: '重新生成 PDF',
  'prints.title': '打印记录', 'error': '操作未成功：{message}', 'changed': '笔录已被律师更新，请重新阅读。',
};
const en = {
  title: 'Meeting transcript', loading: 'Loading…',
  'who.LAWYER': 'Lawyer terminal', 'who.DETAINEE': 'Detainee terminal',
  'secret.missing': 'This terminal has no device credential yet. Register it on the meeting terminal page first.',
  'secret.label': 'Device credential', 'secret.save': 'Save',
  'meeting.none': 'There is no meeting; the transcript cannot be opened.',
  'h.time': 'Time', 'h.place': 'Place', 'h.position': 'Position', 'h.lawyer': 'Lawyer', 'h.recorder': 'Recorder',
  'h.detainee': 'Detainee', 'h.detentionCentre': 'Detention centre', 'h.caseNo': 'Case', 'h.bookingReference': 'Booking',
  'speaker.Q': 'Q', 'speaker.A': 'A', 'add.Q': '+ Question', 'add.A': '+ Answer', 'turn.remove': 'Remove',
  'save.saved': 'Saved', 'save.saving': 'Saving…', 'save.pending': 'Unsaved changes',
  'save.offline': 'Offline: kept on this terminal, saved when the connection is back',
  'save.conflict': 'Changed elsewhere meanwhile; this terminal\'s text was merged', 'save.restored': 'Unsaved text restored',
  submit: 'Submit for signing', withdraw: 'Take back', print: 'Print', 'print.copies': 'Copies', 'print.printer': 'Printer',
  'print.none': 'No printer is available at this position', 'print.sent': 'Sent to the printer {printer}',
  'submit.confirm': 'After submitting, the text is locked and shown to the detainee for signing. Submit?',
  'state.DRAFT': 'Draft', 'state.SUBMITTED': 'Submitted, waiting for the detainee\'s signature',
  'state.SIGNED': 'Signed, making the PDF', 'state.SEALED': 'Signed; PDF sealed by the server', 'state.PRINTED': 'Signed and printed',
  'detainee.wait': 'The lawyer is writing the transcript, please wait…',
  'detainee.read': 'Please read the transcript carefully, then sign below.',
  'sign.hint': 'Sign here', 'sign.clear': 'Clear', 'sign.confirm': 'Confirm signature', 'sign.pad': 'Sign on the signature pad',
  'sign.empty': 'Please sign in the box first', 'sign.done': 'Signature confirmed. Thank you.', 'sign.sending': 'Sending the signature…',
  'sealed.hash': 'SHA-256 of the PDF: {sha}', 'seal.problem': 'The PDF could not be made: {problem}', seal: 'Make the PDF again',
  'prints.title': 'Print jobs', 'error': 'Not done: {message}', 'changed': 'The lawyer changed the transcript; please read it again.',
};
let lang = (() => { try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN'; } catch { return 'zh-CN'; } })();
function t(key, params) {
  const text = (lang === 'en' ? en[key] : undefined) ?? zh[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, n) => (params[n] != null ? String(params[n]) : m)) : text;
}

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) el.append(c.nodeType ? c : String(c));
  return el;
}

const params = new URLSearchParams(location.search);
const app = {
  secret: null, terminal: null, meetingId: params.get('meeting'), transcript: null, devices: null,
  // The lawyer's working copy and its autosave state.
  draft: null, dirty: false, saving: false, saveTimer: null, saveState: 'saved', failures: 0,
  signature: null, busy: false, pollTimer: null,
};
const main = () => document.getElementById('main');
const localKey = () => `huijian.transcript.draft.${app.meetingId}`;

function toast(text) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
}

async function api(path, options = {}) {
  const headers = { Authorization: `Bearer ${app.secret}`, ...(options.headers || {}) };
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    options = { ...options, body: JSON.stringify(options.json) };
  }
  const r = await fetch(path, { ...options, headers, cache: 'no-store' });
  const type = r.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await r.json() : null;
  if (!r.ok) {
    const e = new Error(body?.detail || `HTTP ${r.status}`);
    e.status = r.status;
    e.problem = body;
    throw e;
  }
  return body;
}
const base = () => `/api/meetings/${encodeURIComponent(app.meetingId)}/transcript`;

// ---- start ----
async function start() {
  document.documentElement.lang = lang;
  document.getElementById('lang').textContent = lang === 'en' ? '中文' : 'English';
  document.getElementById('lang').onclick = () => {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    try { localStorage.setItem(LANG_KEY, lang); } catch { /* not remembered */ }
    document.documentElement.lang = lang;
    document.getElementById('lang').textContent = lang === 'en' ? '中文' : 'English';
    render();
  };
  document.getElementById('title').textContent = t('title');
  try { app.secret = localStorage.getItem(SECRET_KEY); } catch { app.secret = null; }
  if (!app.secret) return askSecret();
  try {
    const me = await api('/api/terminal');
    app.terminal = me.terminal;
    if (!app.meetingId) app.meetingId = me.meetings?.[0]?.id != null ? String(me.meetings[0].id) : null;
  } catch (e) {
    if (e.status === 401) return askSecret();
    return showError(e);
  }
  document.getElementById('who').textContent = `${t(`who.${app.terminal.kind}`)} · ${app.terminal.name || app.terminal.code}`;
  if (!app.meetingId) {
    main().replaceChildren(h('p', { class: 'note' }, t('meeting.none')));
    return;
  }
  await refresh(true);
  try { app.devices = await api(`${base()}/devices`); } catch { app.devices = { printers: [], pads: [] }; }
  render();
  app.pollTimer = setInterval(() => refresh(false), POLL_MS);
  window.addEventListener('online', () => scheduleSave(0));
}

function askSecret() {
  const input = h('input', { id: 'secret', type: 'password', autocomplete: 'off' });
  main().replaceChildren(h('p', { class: 'note' }, t('secret.missing')),
    h('form', { onsubmit: ev => { ev.preventDefault(); try { localStorage.setItem(SECRET_KEY, input.value.trim()); } catch { /* */ } location.reload(); } },
      h('label', { for: 'secret' }, t('secret.label'), ' '), input, ' ', h('button', { type: 'submit' }, t('secret.save'))));
}

function showError(e) {
  main().replaceChildren(h('p', { class: 'note', id: 'error' }, t('error', { message: e.message })));
}

const isLawyer = () => app.terminal?.kind === 'LAWYER';

/** Reads the transcript; re-renders when it changed and nothing of ours is unsaved. */
async function refresh(first) {
  let tr;
  try {
    tr = await api(base());
  } catch (e) {
    if (first) showError(e);
    return;
  }
  const before = app.transcript;
  app.transcript = tr;
  if (isLawyer()) {
    if (first) {
      app.draft = { recorder: tr.header.recorder, turns: tr.turns.map(x => ({ ...x })) };
      restoreLocal(tr);
    } else if (!app.dirty && !app.saving && (!before || before.version !== tr.version)) {
      app.draft = { recorder: tr.header.recorder, turns: tr.turns.map(x => ({ ...x })) };
      render();
    } else if (before && before.state !== tr.state) {
      render();
    }
    if (before && before.state !== tr.state && (tr.state === 'SEALED' || tr.state === 'SIGNED')) {
      // Printers may have come (or gone) since the page opened: ask again once there is something to print.
      api(`${base()}/devices`).then(d => { app.devices = d; render(); }).catch(() => {});
    }
  } else if (!before || before.version !== tr.version) {
    if (before && before.state === 'SUBMITTED' && tr.state === 'DRAFT') toast(t('changed'));
    if (!first) render();
  }
}

/** A copy kept on this terminal that the server never confirmed comes back, and is saved. */
function restoreLocal(tr) {
  let local = null;
  try { local = JSON.parse(localStorage.getItem(localKey()) || 'null'); } catch { local = null; }
  if (!local) return;
  const same = JSON.stringify({ recorder: local.recorder, turns: local.turns })
    === JSON.stringify({ recorder: tr.header.recorder, turns: tr.turns });
  if (same) { try { localStorage.removeItem(localKey()); } catch { /* */ } return; }
  if (tr.state !== 'DRAFT') return; // frozen meanwhile: the server's text stands, the copy stays for staff
  app.draft = { recorder: local.recorder, turns: local.turns };
  app.dirty = true;
  toast(t('save.restored'));
  scheduleSave(0);
}

// ---- the lawyer's editor ----
function keepLocal() {
  try { localStorage.setItem(localKey(), JSON.stringify({ ...app.draft, baseVersion: app.transcript.version, at: Date.now() })); } catch { /* full */ }
}

function edited() {
  app.dirty = true;
  keepLocal();
  setSaveState('pending');
  scheduleSave(SAVE_DELAY_MS);
}

function scheduleSave(delay) {
  clearTimeout(app.saveTimer);
  if (!app.dirty) return;
  app.saveTimer = setTimeout(save, delay);
}

async function save() {
  if (app.saving) { scheduleSave(200); return; }
  if (!app.dirty || app.transcript.state !== 'DRAFT') return;
  app.saving = true;
  app.dirty = false;
  const sent = JSON.stringify(app.draft);
  setSaveState('saving');
  try {
    const tr = await api(base(), { method: 'PUT', json: { version: app.transcript.version, ...JSON.parse(sent) } });
    app.transcript = tr;
    app.failures = 0;
    if (!app.dirty) {
      try { localStorage.removeItem(localKey()); } catch { /* */ }
      setSaveState('saved');
    }
  } catch (e) {
    app.dirty = true;
    if (e.status === 409 && e.problem?.rule === 'stale-version' && e.problem.current) {
      // Changed elsewhere (another tab of this terminal): keep what was typed here, on top of the current version.
      app.transcript = e.problem.current;
      if (app.transcript.state === 'DRAFT') { setSaveState('conflict'); scheduleSave(0); } else { render(); }
    } else if (e.status === 409) {
      app.transcript = await api(base()).catch(() => app.transcript);
      render();
      toast(t('error', { message: e.message }));
    } else if (e.status === 400) {
      setSaveState('pending');
      toast(t('error', { message: e.message }));
    } else {
      app.failures++;
      setSaveState('offline');
      scheduleSave(Math.min(10000, 1000 * app.failures));
    }
  } finally {
    app.saving = false;
    if (app.dirty && app.saveState !== 'offline') scheduleSave(SAVE_DELAY_MS);
  }
}

function setSaveState(state) {
  app.saveState = state;
  const el = document.getElementById('status');
  el.className = `status ${state}`;
  el.textContent = t(`save.${state}`);
  el.dataset.state = state;
}

async function flushSave() {
  clearTimeout(app.saveTimer);
  while (app.saving) await new Promise(r => setTimeout(r, 50));
  if (app.dirty) await save();
  if (app.dirty) throw new Error(t('save.offline'));
}

function headerTable(tr, editable) {
  const keys = ['time', 'place', 'position', 'lawyer', 'recorder', 'detainee', 'detentionCentre', 'caseNo', 'bookingReference'];
  return h('table', { class: 'header' }, h('tbody', null, keys.map(k => h('tr', null, h('th', null, t(`h.${k}`)),
    h('td', null, k === 'recorder' && editable
      ? h('input', { id: 'recorder', value: app.draft.recorder, maxlength: 100,
        oninput: ev => { app.draft.recorder = ev.target.value; edited(); } })
      : (k === 'recorder' && app.draft ? app.draft.recorder : tr.header[k]) || '')))));
}

function lawyerView(tr) {
  const editable = tr.state === 'DRAFT';
  const out = [h('p', { id: 'state', class: 'hint', 'data-state': tr.state }, t(`state.${tr.state}`)), headerTable(tr, editable)];
  const list = h('div', { id: 'turns' });
  app.draft.turns.forEach((turn, i) => {
    if (editable) {
      list.append(h('div', { class: 'turn', 'data-speaker': turn.speaker },
        h('button', { type: 'button', class: 'speaker small', title: 'Q/A',
          onclick: () => { turn.speaker = turn.speaker === 'Q' ? 'A' : 'Q'; edited(); render(); } }, `${t(`speaker.${turn.speaker}`)}：`),
        h('textarea', { class: 'turn-text', 'aria-label': t(`speaker.${turn.speaker}`), value: turn.text,
          oninput: ev => { turn.text = ev.target.value; edited(); } }),
        h('button', { type: 'button', class: 'small danger', onclick: () => { app.draft.turns.splice(i, 1); edited(); render(); } },
          t('turn.remove'))));
    } else {
      list.append(h('div', { class: 'turn read' }, h('span', { class: 'speaker' }, `${t(`speaker.${turn.speaker}`)}：`),
        h('p', null, turn.text)));
    }
  });
  out.push(list);
  const actions = h('div', { class: 'actions' });
  if (editable) {
    const add = speaker => () => {
      app.draft.turns.push({ speaker, text: '' });
      edited();
      render();
      const areas = document.querySelectorAll('.turn-text');
      areas[areas.length - 1]?.focus();
    };
    actions.append(h('button', { id: 'add-q', type: 'button', onclick: add('Q') }, t('add.Q')),
      h('button', { id: 'add-a', type: 'button', onclick: add('A') }, t('add.A')),
      h('button', { id: 'submit', type: 'button', class: 'primary', onclick: submit }, t('submit')));
  } else if (tr.state === 'SUBMITTED') {
    actions.append(h('button', { id: 'withdraw', type: 'button', onclick: () => act('withdraw') }, t('withdraw')));
  }
  if (tr.state === 'SIGNED') {
    if (tr.sealProblem) out.push(h('p', { class: 'note' }, t('seal.problem', { problem: tr.sealProblem })));
    actions.append(h('button', { id: 'seal', type: 'button', onclick: () => act('seal', {}) }, t('seal')));
  }
  if (tr.state === 'SEALED' || tr.state === 'PRINTED') {
    out.push(h('p', { class: 'done', id: 'sealed' }, t(`state.${tr.state}`)),
      h('p', { class: 'hint', id: 'pdf-sha' }, t('sealed.hash', { sha: tr.pdfSha256 })));
    const printers = app.devices?.printers || [];
    if (printers.length === 0) {
      actions.append(h('span', { class: 'hint' }, t('print.none')));
    }
    const select = h('select', { id: 'printer', 'aria-label': t('print.printer') },
      printers.map(p => h('option', { value: p.id }, `${p.displayName}${p.available ? '' : ' ✕'}`)));
    const copies = h('select', { id: 'copies', 'aria-label': t('print.copies') }, [1, 2, 3].map(n => h('option', { value: n }, n)));
    actions.append(select, copies, h('button', { id: 'print', type: 'button', class: 'primary',
      onclick: () => act('print', { printer: select.value || null, copies: Number(copies.value) }) }, t('print')));
  }
  out.push(actions);
  if (tr.prints.length) {
    out.push(h('h2', null, t('prints.title')), h('ul', { class: 'prints', id: 'prints' }, tr.prints.map(p =>
      h('li', null, `${p.printerName || p.printerId} · ${p.jobId || ''} · ${p.state}${p.message ? ` · ${p.message}` : ''}`))));
  }
  return out;
}

async function submit() {
  if (!window.confirm(t('submit.confirm'))) return;
  try {
    await flushSave();
    await act('submit');
  } catch (e) {
    toast(t('error', { message: e.message }));
  }
}

async function act(what, json) {
  if (app.busy) return;
  app.busy = true;
  try {
    const body = json ?? { version: app.transcript.version };
    app.transcript = await api(`${base()}/${what}`, { method: 'POST', json: body });
    if (what === 'withdraw') app.draft = { recorder: app.transcript.header.recorder, turns: app.transcript.turns.map(x => ({ ...x })) };
    if (what === 'print') {
      const last = app.transcript.prints[app.transcript.prints.length - 1];
      toast(t('print.sent', { printer: last?.printerName || last?.printerId || '' }));
    }
    render();
  } catch (e) {
    toast(t('error', { message: e.message }));
    app.transcript = await api(base()).catch(() => app.transcript);
    render();
  } finally {
    app.busy = false;
  }
}

// ---- the detainee's view and signature pad ----
function detaineeView(tr) {
  if (tr.state === 'DRAFT') {
    app.signature = null;
    return [h('p', { class: 'note', id: 'state', 'data-state': tr.state }, t('detainee.wait'))];
  }
  const out = [h('p', { id: 'state', class: 'hint', 'data-state': tr.state },
    tr.state === 'SUBMITTED' ? t('detainee.read') : t(`state.${tr.state}`)), headerTable(tr, false)];
  out.push(h('div', { id: 'turns' }, tr.turns.map(turn => h('div', { class: 'turn read' },
    h('span', { class: 'speaker' }, `${t(`speaker.${turn.speaker}`)}：`), h('p', null, turn.text)))));
  if (tr.state === 'SUBMITTED') {
    out.push(signaturePad(tr));
  } else {
    out.push(h('p', { class: 'done', id: 'signed' }, t('sign.done')));
  }
  return out;
}

function signaturePad(tr) {
  const canvas = h('canvas', { id: 'pad', 'aria-label': t('sign.hint') });
  const wrap = h('div', { class: 'pad-wrap' }, h('span', { class: 'pad-hint' }, t('sign.hint')), canvas);
  const sig = { strokes: [], current: null, t0: null, width: 0, height: 0 };
  app.signature = sig;
  const ctx = canvas.getContext('2d');
  const fit = () => {
    const r = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    sig.width = Math.max(50, Math.round(r.width));
    sig.height = Math.max(50, Math.round(r.height));
    canvas.width = Math.round(sig.width * dpr);
    canvas.height = Math.round(sig.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    redraw();
  };
  const redraw = () => {
    ctx.clearRect(0, 0, sig.width, sig.height);
    for (const s of sig.strokes) drawStroke(s, 0);
  };
  const drawStroke = (s, from) => {
    ctx.strokeStyle = '#0b1f5c';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (let i = Math.max(1, from); i < s.length; i++) {
      const a = s[i - 1], b = s[i];
      ctx.lineWidth = Math.max(1, 6 * (0.35 + 0.65 * (a.p + b.p) / 2));
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
    }
  };
  const sample = ev => {
    const r = canvas.getBoundingClientRect();
    if (sig.t0 == null) sig.t0 = ev.timeStamp;
    const clamp = (v, max) => Math.min(max, Math.max(0, v));
    // A mouse reports 0.5 while a button is down; a pen or finger its real pressure (0 when it cannot tell).
    const p = ev.pressure > 0 ? ev.pressure : 0.5;
    return { x: clamp(Math.round((ev.clientX - r.left) * 10) / 10, sig.width), y: clamp(Math.round((ev.clientY - r.top) * 10) / 10, sig.height),
      p: Math.round(Math.min(1, p) * 1000) / 1000, t: Math.max(0, Math.round(ev.timeStamp - sig.t0)) };
  };
  canvas.addEventListener('pointerdown', ev => {
    ev.preventDefault();
    canvas.setPointerCapture(ev.pointerId);
    sig.current = [sample(ev)];
    sig.strokes.push(sig.current);
  });
  canvas.addEventListener('pointermove', ev => {
    if (!sig.current) return;
    const events = ev.getCoalescedEvents ? ev.getCoalescedEvents() : [ev];
    const from = sig.current.length;
    for (const e of (events.length ? events : [ev])) {
      const s = sample(e);
      const last = sig.current[sig.current.length - 1];
      if (s.t < last.t) s.t = last.t;
      sig.current.push(s);
    }
    drawStroke(sig.current, from);
  });
  const up = () => { sig.current = null; };
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  requestAnimationFrame(fit);
  window.addEventListener('resize', () => { if (app.signature === sig) fit(); }, { passive: true });
  const actions = h('div', { class: 'actions' },
    h('button', { id: 'sign-clear', type: 'button', onclick: () => { sig.strokes = []; sig.t0 = null; redraw(); } }, t('sign.clear')),
    h('button', { id: 'sign-confirm', type: 'button', class: 'primary', onclick: () => sendSignature(tr, sig) }, t('sign.confirm')));
  if (app.devices?.pads?.length) {
    actions.append(h('button', { id: 'sign-pad', type: 'button',
      onclick: () => sendPad(tr, app.devices.pads[0]) }, t('sign.pad')));
  }
  return h('section', { id: 'signature' }, wrap, actions);
}

async function sendSignature(tr, sig) {
  if (!sig.strokes.length) { toast(t('sign.empty')); return; }
  if (app.busy) return;
  app.busy = true;
  document.getElementById('status').textContent = t('sign.sending');
  try {
    app.transcript = await api(`${base()}/signature`, { method: 'POST',
      json: { version: tr.version, width: sig.width, height: sig.height, strokes: sig.strokes } });
    render();
  } catch (e) {
    toast(t('error', { message: e.message }));
    await refresh(false);
  } finally {
    app.busy = false;
    document.getElementById('status').textContent = '';
  }
}

async function sendPad(tr, pad) {
  if (app.busy) return;
  app.busy = true;
  try {
    app.transcript = await api(`${base()}/signature/pad`, { method: 'POST', json: { version: tr.version, pad } });
    render();
  } catch (e) {
    toast(t('error', { message: e.message }));
  } finally {
    app.busy = false;
  }
}

function render() {
  document.getElementById('title').textContent = t('title');
  if (app.terminal) {
    document.getElementById('who').textContent = `${t(`who.${app.terminal.kind}`)} · ${app.terminal.name || app.terminal.code}`;
  }
  const tr = app.transcript;
  if (!tr) return;
  if (isLawyer()) {
    const focused = document.activeElement;
    const index = focused?.classList?.contains('turn-text') ? [...document.querySelectorAll('.turn-text')].indexOf(focused) : -1;
    const caret = index >= 0 ? focused.selectionStart : null;
    main().replaceChildren(...lawyerView(tr));
    if (index >= 0) {
      const again = document.querySelectorAll('.turn-text')[index];
      if (again) { again.focus(); if (caret != null) again.setSelectionRange(caret, caret); }
    }
    if (!app.dirty && !app.saving) setSaveState('saved');
  } else {
    if (tr.state === 'SUBMITTED' && app.signature && document.getElementById('pad') && app.signature.version === tr.version) return;
    main().replaceChildren(...detaineeView(tr));
    if (app.signature) app.signature.version = tr.version;
  }
}

// For support staff and tests.
window.huijianTranscript = {
  state: () => ({ kind: app.terminal?.kind, meetingId: app.meetingId, state: app.transcript?.state,
    version: app.transcript?.version, saveState: app.saveState, dirty: app.dirty, turns: app.transcript?.turns?.length,
    pdfSha256: app.transcript?.pdfSha256, strokes: app.signature?.strokes?.length ?? 0 }),
};

start();
