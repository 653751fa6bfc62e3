// The kiosk page of a meeting terminal (会见终端): the lawyer terminal at a centre's position or the detainee
// terminal in a detention centre. It signs in with the device credential an administrator issued (kept in this
// browser's localStorage), keeps the signalling WebSocket open (reconnecting by itself), shows the meeting when
// its time comes, and runs the Ready (就位) → "the other side is ready" → Connect (请按此键接通) flow and the
// WebRTC call. The lawyer side always makes the offer; the detainee side answers. A supervisor's console that
// watches gets this terminal's camera only — never its microphone — over a separate peer connection.
//
// For support staff and tests, window.huijianKiosk exposes read-only state: kiosk.state() and kiosk.stats().
import { t, reason, lang, toggleLang } from './messages.js';
import { documents } from './documents.js';

const SECRET_KEY = 'huijian.terminal.secret';
const SECRET_FORMAT = /^hjt_[A-Za-z0-9_-]{43}$/;
const VIDEO = { width: { ideal: 1920 }, height: { ideal: 1080 }, frameRate: { ideal: 30 } };
const AUDIO = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

const kiosk = {
  secret: null, ws: null, retry: 0, retryTimer: null, pingTimer: null,
  terminal: null, meetings: new Map(), meetingId: null,
  local: null, localPromise: null, pc: null, pendingIce: [], remoteStream: null,
  monitors: new Map(), // watcher id -> RTCPeerConnection (video only)
  banner: null, quality: '', lastOfferAt: 0,
  connectPressedAt: 0, firstFrameAt: 0, // call set-up time: Connect pressed → first frame of the other side decoded
  media: 'p2p', unrecordedAllowed: true, // 'bridge': both sides connect to the server's media bridge (recorded)
};

const $ = id => document.getElementById(id);

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}

function toast(text) {
  const el = $('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 6000);
}

// Document display (文书展示) and the transcript panel: see documents.js.
const docs = documents({ h, t, toast, send: message => send(message), secret: () => kiosk.secret,
  current: () => current(), isLawyer: () => isLawyer() });

function status(key, params) { $('conn-status').textContent = t(key, params); $('conn-status').dataset.state = key; }

// ---- sign-in with the device credential ----

function storedSecret() { try { return localStorage.getItem(SECRET_KEY); } catch { return null; } }

function setup(problem) {
  closeSocket();
  status('conn.connecting');
  $('conn-status').textContent = '';
  const input = h('input', { id: 'secret', name: 'secret', type: 'password', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'secret-hint' });
  const error = h('p', { id: 'secret-error', class: 'error', role: 'alert' }, problem || '');
  const form = h('form', { id: 'setup-form', class: 'card setup', novalidate: true },
    h('h1', null, t('setup.title')), h('p', null, t('setup.intro')),
    h('label', { for: 'secret' }, t('setup.secret')), input,
    h('p', { id: 'secret-hint', class: 'hint' }, t('setup.format')), error,
    h('button', { id: 'save-secret', type: 'submit', class: 'primary' }, t('setup.save')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const value = input.value.trim();
    if (!SECRET_FORMAT.test(value)) { error.textContent = t('setup.format'); input.focus(); return; }
    try { localStorage.setItem(SECRET_KEY, value); } catch { /* kept for this page only */ }
    kiosk.secret = value;
    connect();
  });
  $('main').replaceChildren(form);
  input.focus();
}

// ---- the signalling socket ----

function connect() {
  closeSocket();
  status('conn.connecting');
  const ws = new WebSocket(`wss://${location.host}/ws/terminal`);
  kiosk.ws = ws;
  ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', secret: kiosk.secret }));
  ws.onmessage = event => {
    let m;
    try { m = JSON.parse(event.data); } catch { return; }
    handle(m).catch(e => console.error('kiosk', m.type, e));
  };
  ws.onclose = event => {
    if (kiosk.ws !== ws) return;
    kiosk.ws = null;
    clearInterval(kiosk.pingTimer);
    if (event.code === 4401) { // credential refused: ask for a new one, do not hammer the server
      try { localStorage.removeItem(SECRET_KEY); } catch { /* ignore */ }
      kiosk.secret = null;
      setup(t('setup.invalid'));
      return;
    }
    const wait = Math.min(10, 2 ** kiosk.retry);
    kiosk.retry += 1;
    status('conn.retry', { s: wait });
    kiosk.retryTimer = setTimeout(connect, wait * 1000);
  };
}

function closeSocket() {
  clearTimeout(kiosk.retryTimer);
  clearInterval(kiosk.pingTimer);
  if (kiosk.ws) { const ws = kiosk.ws; kiosk.ws = null; ws.close(); }
}

function send(message) {
  if (kiosk.ws && kiosk.ws.readyState === WebSocket.OPEN) kiosk.ws.send(JSON.stringify(message));
}

async function handle(m) {
  switch (m.type) {
  case 'welcome':
    kiosk.retry = 0;
    kiosk.terminal = m.terminal;
    status('conn.online');
    kiosk.pingTimer = setInterval(() => send({ type: 'ping' }), 20000);
    $('terminal-name').textContent = `${m.terminal.name} · ${t(`kind.${m.terminal.kind}`)}`;
    kiosk.media = m.media || 'p2p';
    kiosk.unrecordedAllowed = m.unrecordedAllowed !== false;
    kiosk.meetings = new Map(m.meetings.map(x => [x.id, x]));
    pickMeeting(); // before waiting for the capabilities: a 'display' may arrive meanwhile
    await docs.welcome();
    $('call')?.remove(); // its bar gets the buttons of the capabilities just learnt
    render();
    ensureCamera();
    if (current()?.state === 'CONNECTED' && !callUp()) {
      if (kiosk.media === 'bridge') await joinBridge(); else if (isLawyer()) await startCall();
    }
    break;
  case 'meeting':
    await meetingChanged(m.meeting, m.events || []);
    break;
  case 'signal':
    if (m.channel === 'monitor') await monitorSignal(m);
    else if (m.channel === 'media') await bridgeAnswer(m);
    else await callSignal(m);
    break;
  case 'display':
    await docs.followed(m);
    break;
  case 'monitor':
    if (m.action === 'start') await startMonitor(m.meetingId, m.watcher); else stopMonitor(m.watcher);
    break;
  case 'error':
    if (m.rule === 'media-unavailable') await mediaUnavailable(m);
    else if (m.rule === 'not-checked-in') toast(t('connect.notCheckedIn'));
    else toast(t('error', { message: m.message || m.rule || m.problem }));
    break;
  default:
    break;
  }
}

function isLawyer() { return kiosk.terminal?.kind === 'LAWYER'; }
function current() { return kiosk.meetingId ? kiosk.meetings.get(kiosk.meetingId) : null; }
function over(m) { return m && (m.state === 'ENDED' || m.state === 'TERMINATED'); }
function callUp() { return kiosk.pc && ['new', 'connecting', 'connected'].includes(kiosk.pc.connectionState); }

/** The meeting this terminal shows: the live one (normally one at a time), else the last that ended. */
function pickMeeting() {
  const live = [...kiosk.meetings.values()].filter(x => !over(x)).sort((a, b) => a.bookedStart.localeCompare(b.bookedStart));
  if (live.length) kiosk.meetingId = live[0].id;
  else if (!kiosk.meetings.has(kiosk.meetingId)) kiosk.meetingId = null;
}

async function meetingChanged(meeting, events) {
  const before = kiosk.meetings.get(meeting.id);
  kiosk.meetings.set(meeting.id, meeting);
  if (!kiosk.meetingId || (over(current()) && !over(meeting))) kiosk.meetingId = meeting.id;
  if (meeting.id !== kiosk.meetingId) return; // another of this terminal's meetings: shown when this one is over
  for (const e of events) {
    if (e.kind === 'reminder') showBanner('reminder', t('reminder.title'), e.detail, true);
    if (e.kind === 'warning') {
      const n = parseInt(e.detail, 10);
      showBanner('warning', t('warning.minutes', { n: Number.isNaN(n) ? '?' : n }), '', true);
    }
  }
  if (over(meeting)) {
    endCall();
    docs.ended();
    render();
    // The ended screen stays a while; then the next meeting of this terminal, if one is live.
    setTimeout(() => {
      if (kiosk.meetingId === meeting.id) { pickMeeting(); render(); }
    }, 10000);
    return;
  }
  render();
  if (isLawyer() && events.some(e => e.kind === 'reconnected' && String(e.by).startsWith('detainee-terminal'))) {
    docs.peerBack(); // the detainee's page came back: it shows again the document on the lawyer's screen
  }
  if (meeting.state === 'CONNECTED' && kiosk.media === 'bridge') {
    if (before?.state !== 'CONNECTED' || !callUp()) await joinBridge();
  } else if (meeting.state === 'CONNECTED' && isLawyer()) {
    const peerBack = events.some(e => e.kind === 'reconnected' && String(e.by).startsWith('detainee-terminal'));
    if (before?.state !== 'CONNECTED' || peerBack || !callUp()) await startCall();
  }
  if (meeting.state !== 'CONNECTED' && kiosk.pc) endCall();
}

// ---- camera and microphone ----

function ensureCamera() {
  if (!kiosk.localPromise) {
    kiosk.localPromise = navigator.mediaDevices.getUserMedia({ video: VIDEO, audio: AUDIO }).then(stream => {
      kiosk.local = stream;
      for (const track of stream.getVideoTracks()) track.contentHint = 'motion';
      render();
      return stream;
    }).catch(error => {
      kiosk.localPromise = null;
      toast(t('camera.denied', { message: error.message }));
      throw error;
    });
  }
  return kiosk.localPromise;
}

// ---- the call between the two parties ----

function newPeer(onTrack, onIce) {
  const pc = new RTCPeerConnection({ iceServers: [] });
  pc.onicecandidate = event => { if (event.candidate) onIce(event.candidate.toJSON()); };
  pc.ontrack = onTrack;
  return pc;
}

async function startCall() {
  const meeting = current();
  if (!meeting || meeting.state !== 'CONNECTED') return;
  const stream = await ensureCamera();
  endCall(false);
  const pc = newPeer(remoteTrack, candidate => send({ type: 'signal', meetingId: meeting.id, channel: 'call',
    kind: 'ice', candidate }));
  kiosk.pc = pc;
  watchFirstFrame(pc);
  for (const track of stream.getTracks()) {
    const sender = pc.addTrack(track, stream);
    if (track.kind === 'video') tuneSender(sender);
  }
  pc.onconnectionstatechange = () => {
    if (pc === kiosk.pc && pc.connectionState === 'failed' && isLawyer()) setTimeout(() => startCall(), 1000);
    render();
  };
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  kiosk.lastOfferAt = Date.now();
  send({ type: 'signal', meetingId: meeting.id, channel: 'call', kind: 'offer', sdp: pc.localDescription.sdp });
}

/**
 * Through the server's media bridge: both sides offer to the server (over the signalling, channel 'media') and
 * receive the other side's media from it; the bridge relays, records the video, and feeds supervisors video only.
 */
async function joinBridge() {
  const meeting = current();
  if (!meeting || meeting.state !== 'CONNECTED') return;
  const stream = await ensureCamera();
  endCall(false);
  const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  pc.ontrack = remoteTrack;
  kiosk.pc = pc;
  watchFirstFrame(pc);
  for (const track of stream.getTracks()) {
    const sender = pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] }).sender;
    if (track.kind === 'video') tuneSender(sender);
  }
  pc.onconnectionstatechange = () => {
    if (pc === kiosk.pc && pc.connectionState === 'failed') setTimeout(() => joinBridge(), 1000);
    render();
  };
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  send({ type: 'signal', meetingId: meeting.id, channel: 'media', kind: 'offer', sdp: pc.localDescription.sdp });
}

async function bridgeAnswer(m) {
  if (m.kind === 'answer' && kiosk.pc && kiosk.pc.signalingState === 'have-local-offer') {
    await kiosk.pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
  }
}

/** The bridge cannot take the call: go on peer-to-peer, unrecorded, if the site allows it; else say so. */
async function mediaUnavailable(m) {
  endCall(false);
  if (kiosk.unrecordedAllowed) {
    kiosk.media = 'p2p';
    toast(t('media.unrecorded'));
    if (isLawyer()) await startCall();
  } else {
    showBanner('warning', t('media.unavailable'), m.message || '', true);
  }
}

/** Keep the frame rate, let the resolution go down first when the network or the processor cannot carry 1080p. */
function tuneSender(sender) {
  const p = sender.getParameters();
  p.degradationPreference = 'maintain-framerate';
  p.encodings = p.encodings?.length ? p.encodings : [{}];
  p.encodings[0].maxBitrate = 4_000_000;
  sender.setParameters(p).catch(() => { /* older browsers: their defaults */ });
}

/** Notes when the first frame of the other side's video has been decoded on this connection. */
function watchFirstFrame(pc) {
  kiosk.firstFrameAt = 0;
  const poll = setInterval(async () => {
    if (pc !== kiosk.pc) { clearInterval(poll); return; }
    const report = await pc.getStats().catch(() => null);
    report?.forEach(r => {
      if (r.type === 'inbound-rtp' && r.kind === 'video' && r.framesDecoded > 0 && !kiosk.firstFrameAt) {
        kiosk.firstFrameAt = Date.now();
      }
    });
    if (kiosk.firstFrameAt) clearInterval(poll);
  }, 20);
}

function remoteTrack(event) {
  kiosk.remoteStream = event.streams[0] || new MediaStream([event.track]);
  const video = $('remote-video');
  if (video && video.srcObject !== kiosk.remoteStream) video.srcObject = kiosk.remoteStream;
}

async function callSignal(m) {
  const meeting = kiosk.meetings.get(m.meetingId);
  if (!meeting || over(meeting)) return;
  if (m.kind === 'offer') { // the detainee side answers; a new offer replaces the old connection
    const stream = await ensureCamera();
    endCall(false);
    const pc = newPeer(remoteTrack, candidate => send({ type: 'signal', meetingId: m.meetingId, channel: 'call',
      kind: 'ice', candidate }));
    kiosk.pc = pc;
    watchFirstFrame(pc);
    pc.onconnectionstatechange = () => render();
    for (const track of stream.getTracks()) {
      const sender = pc.addTrack(track, stream);
      if (track.kind === 'video') tuneSender(sender);
    }
    await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp });
    await flushIce(pc);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    send({ type: 'signal', meetingId: m.meetingId, channel: 'call', kind: 'answer', sdp: pc.localDescription.sdp });
  } else if (m.kind === 'answer' && kiosk.pc && kiosk.pc.signalingState === 'have-local-offer') {
    await kiosk.pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
    await flushIce(kiosk.pc);
  } else if (m.kind === 'ice') {
    if (kiosk.pc && kiosk.pc.remoteDescription) await kiosk.pc.addIceCandidate(m.candidate).catch(() => {});
    else kiosk.pendingIce.push(m.candidate);
  }
}

async function flushIce(pc) {
  const pending = kiosk.pendingIce;
  kiosk.pendingIce = [];
  for (const c of pending) await pc.addIceCandidate(c).catch(() => {});
}

function endCall(forget = true) {
  if (kiosk.pc) { kiosk.pc.close(); kiosk.pc = null; }
  kiosk.pendingIce = [];
  kiosk.remoteStream = null;
  if (forget) for (const w of [...kiosk.monitors.keys()]) stopMonitor(w);
}

// ---- a supervisor's console: video only ----

async function startMonitor(meetingId, watcher) {
  const meeting = kiosk.meetings.get(meetingId);
  if (!meeting || over(meeting)) return;
  const stream = await ensureCamera();
  stopMonitor(watcher);
  const pc = newPeer(() => {}, candidate => send({ type: 'signal', meetingId, channel: 'monitor', peer: watcher,
    kind: 'ice', candidate }));
  kiosk.monitors.set(watcher, pc);
  for (const track of stream.getVideoTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  send({ type: 'signal', meetingId, channel: 'monitor', peer: watcher, kind: 'offer', sdp: pc.localDescription.sdp });
}

async function monitorSignal(m) {
  const pc = kiosk.monitors.get(m.peer);
  if (!pc) return;
  if (m.kind === 'answer' && pc.signalingState === 'have-local-offer') await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
  else if (m.kind === 'ice') await pc.addIceCandidate(m.candidate).catch(() => {});
}

function stopMonitor(watcher) {
  const pc = kiosk.monitors.get(watcher);
  if (pc) { pc.close(); kiosk.monitors.delete(watcher); }
}

// ---- what the screen shows ----

function showBanner(kind, title, text, tone) {
  const el = $('banner');
  el.className = `banner banner-${kind}`;
  el.replaceChildren(h('strong', null, title), text ? h('span', { class: 'banner-text' }, text) : null,
    h('button', { type: 'button', class: 'banner-close', 'aria-label': '×', onclick: () => { el.hidden = true; } }, '×'));
  el.dataset.kind = kind;
  el.hidden = false;
  clearTimeout(showBanner.timer);
  showBanner.timer = setTimeout(() => { el.hidden = true; }, 30000);
  if (tone) beep();
}

function beep() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.1;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.3);
    osc.onended = () => ctx.close();
  } catch { /* no sound on this terminal */ }
}

function two(n) { return String(n).padStart(2, '0'); }
function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}
function timeOf(iso) {
  return new Intl.DateTimeFormat(lang(), { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

function card(meeting) {
  const p = meeting.parties || {};
  const rows = [
    ['card.booking', p.bookingReference], ['card.time', `${timeOf(meeting.bookedStart)}–${timeOf(meeting.bookedEnd)}`],
    ['card.lawyer', p.lawyerName], ['card.firm', p.lawFirmName], ['card.detainee', p.detaineeName],
    ['card.case', p.caseNo], ['card.place', [p.centreName, p.positionName].filter(Boolean).join(' · ')],
  ];
  return h('section', { id: 'meeting-card', class: 'card meeting', 'data-meeting-id': meeting.id,
    'data-state': meeting.state },
  h('h1', { id: 'meeting-state' }, t(`state.${meeting.state}`)),
  h('dl', null, rows.map(([k, v]) => [h('dt', null, t(k)), h('dd', null, v || '—')])));
}

function render() {
  if (!kiosk.terminal) return;
  const meeting = current();
  const main = $('main');
  if (!meeting) {
    main.replaceChildren(h('section', { id: 'idle', class: 'card idle' }, h('h1', null, t('idle.none')),
      h('p', null, t('idle.hint'))), preview());
    return;
  }
  if (over(meeting)) {
    const ended = meeting.state === 'TERMINATED' ? 'terminated.title' : 'ended.title';
    main.replaceChildren(card(meeting), h('section', { id: 'ended', class: 'card ended', role: 'alert' },
      h('h2', null, t(ended)), meeting.endReason ? h('p', { id: 'end-reason' }, t('ended.reason',
        { reason: reason(meeting.endReason) })) : null));
    return;
  }
  if (meeting.state === 'CONNECTED') { renderCall(meeting); return; }
  const actions = h('div', { class: 'actions' });
  if (isLawyer()) {
    if (meeting.state === 'DETAINEE_READY') {
      actions.append(h('div', { id: 'ready-prompt', class: 'prompt', role: 'alert' }, t('connect.prompt')),
        h('button', { id: 'connect', type: 'button', class: 'primary huge',
          onclick: e => {
            e.currentTarget.disabled = true;
            kiosk.connectPressedAt = Date.now();
            send({ type: 'connect', meetingId: meeting.id });
          } },
        t('connect.button')));
    } else {
      actions.append(h('p', { id: 'waiting', class: 'waiting' }, t('connect.waiting')));
    }
  } else if (meeting.state === 'DETAINEE_READY') {
    actions.append(h('p', { id: 'ready-done', class: 'prompt' }, t('ready.done')),
      h('button', { id: 'withdraw', type: 'button', onclick: () => send({ type: 'hangup', meetingId: meeting.id }) },
        t('ready.withdraw')));
  } else {
    actions.append(h('button', { id: 'ready', type: 'button', class: 'primary huge',
      onclick: e => { e.currentTarget.disabled = true; send({ type: 'ready', meetingId: meeting.id }); } },
    t('ready.button')));
  }
  main.replaceChildren(card(meeting), actions, preview());
}

function preview() {
  const video = h('video', { id: 'local-video', class: 'preview', autoplay: true, playsinline: true, muted: true });
  video.muted = true;
  if (kiosk.local) video.srcObject = kiosk.local;
  return h('figure', { class: 'video preview-frame' }, video,
    h('figcaption', { class: 'overlay' }, kiosk.terminal?.name || ''));
}

function renderCall(meeting) {
  const p = meeting.parties || {};
  const mine = isLawyer() ? p.lawyerTerminalName : p.detaineeTerminalName;
  const theirs = isLawyer() ? p.detaineeTerminalName : p.lawyerTerminalName;
  let remote = $('remote-video');
  if (!remote || $('call')?.dataset.meetingId !== String(meeting.id)) {
    remote = h('video', { id: 'remote-video', autoplay: true, playsinline: true });
    const local = h('video', { id: 'local-video', autoplay: true, playsinline: true, muted: true });
    local.muted = true;
    $('main').replaceChildren(h('section', { id: 'call', class: 'call', 'data-meeting-id': meeting.id },
      h('figure', { class: 'video remote' }, remote,
        h('figcaption', { class: 'overlay' }, h('span', { id: 'remote-name' }, theirs || t('call.remote')),
          h('span', { class: 'elapsed', 'data-role': 'elapsed' }))),
      h('figure', { class: 'video local' }, local,
        h('figcaption', { class: 'overlay' }, h('span', { id: 'local-name' }, mine || t('call.local')),
          h('span', { class: 'elapsed', 'data-role': 'elapsed' }))),
      h('div', { class: 'call-bar' },
        h('span', null, t('call.elapsed'), ' ', h('strong', { id: 'elapsed' }, '00:00:00')),
        h('span', null, t('call.remaining'), ' ', h('strong', { id: 'remaining' }, '—')),
        h('span', null, t('call.quality'), ' ', h('strong', { id: 'quality' }, kiosk.quality || '—')),
        h('span', { id: 'peer-state', class: 'peer-state' }),
        docs.buttons(meeting),
        h('button', { id: 'hangup', type: 'button', class: 'danger', onclick: () => {
          if (confirm(t('call.confirmHangup'))) send({ type: 'hangup', meetingId: meeting.id });
        } }, t('call.hangup')))));
  }
  const local = $('local-video');
  if (kiosk.local && local.srcObject !== kiosk.local) local.srcObject = kiosk.local;
  if (kiosk.remoteStream && remote.srcObject !== kiosk.remoteStream) remote.srcObject = kiosk.remoteStream;
  const peerOnline = isLawyer() ? meeting.detaineeOnline : meeting.lawyerOnline;
  $('peer-state').textContent = peerOnline ? '' : t('peer.offline');
  tick();
}

/** Every second: the clock, and in a call the elapsed and remaining time drawn on the videos. */
function tick() {
  $('clock').textContent = new Intl.DateTimeFormat(lang(), { hour: '2-digit', minute: '2-digit', second: '2-digit',
    hour12: false }).format(new Date());
  const meeting = current();
  if (!meeting || meeting.state !== 'CONNECTED' || !$('elapsed')) return;
  const elapsed = duration(Date.now() - Date.parse(meeting.connectedAt));
  $('elapsed').textContent = elapsed;
  for (const el of document.querySelectorAll('[data-role=elapsed]')) el.textContent = elapsed;
  if (meeting.limitAt) $('remaining').textContent = duration(Date.parse(meeting.limitAt) - Date.now());
}

/** Every two seconds in a call: what the other side's video arrives as, and why ours is limited if it is. */
async function measure() {
  if (!kiosk.pc || !$('quality')) return;
  const s = await stats();
  const inbound = s.inboundVideo;
  let text = inbound && inbound.frameWidth ? `${inbound.frameWidth}×${inbound.frameHeight} · ${Math.round(inbound.framesPerSecond || 0)} fps` : '—';
  if (s.outboundVideo?.qualityLimitationReason === 'bandwidth') text += t('call.limited.bandwidth');
  if (s.outboundVideo?.qualityLimitationReason === 'cpu') text += t('call.limited.cpu');
  kiosk.quality = text;
  $('quality').textContent = text;
}

/** The call's figures from getStats(): inbound and outbound video and audio of the call connection. */
async function stats() {
  const out = { connectionState: kiosk.pc?.connectionState || 'none', inboundVideo: null, inboundAudio: null,
    outboundVideo: null, outboundAudio: null, monitors: kiosk.monitors.size };
  if (!kiosk.pc) return out;
  const report = await kiosk.pc.getStats();
  report.forEach(r => {
    if (r.type === 'inbound-rtp' && r.kind === 'video') out.inboundVideo = pick(r, ['framesDecoded', 'frameWidth', 'frameHeight', 'framesPerSecond', 'bytesReceived', 'packetsLost']);
    if (r.type === 'inbound-rtp' && r.kind === 'audio') out.inboundAudio = pick(r, ['bytesReceived', 'packetsReceived', 'totalSamplesReceived']);
    if (r.type === 'outbound-rtp' && r.kind === 'video') out.outboundVideo = pick(r, ['framesEncoded', 'frameWidth', 'frameHeight', 'framesPerSecond', 'bytesSent', 'qualityLimitationReason']);
    if (r.type === 'outbound-rtp' && r.kind === 'audio') out.outboundAudio = pick(r, ['bytesSent', 'packetsSent']);
  });
  return out;
}

function pick(r, keys) { return Object.fromEntries(keys.map(k => [k, r[k] ?? null])); }

window.huijianKiosk = {
  state: () => ({ terminal: kiosk.terminal, meetingId: kiosk.meetingId, meeting: current(),
    online: !!kiosk.ws && kiosk.ws.readyState === WebSocket.OPEN, monitors: [...kiosk.monitors.keys()],
    lastOfferAt: kiosk.lastOfferAt, connectPressedAt: kiosk.connectPressedAt, firstFrameAt: kiosk.firstFrameAt,
    media: kiosk.media }),
  stats,
  documents: () => docs.state(),
};

function start() {
  document.documentElement.lang = lang();
  document.title = t('title');
  $('lang').textContent = lang() === 'en' ? '中文' : 'English';
  $('lang').addEventListener('click', () => {
    toggleLang();
    $('lang').textContent = lang() === 'en' ? '中文' : 'English';
    document.title = t('title');
    if (kiosk.terminal) {
      $('terminal-name').textContent = `${kiosk.terminal.name} · ${t(`kind.${kiosk.terminal.kind}`)}`;
      $('call')?.remove();
      render();
    } else if (!kiosk.secret) setup();
  });
  setInterval(tick, 1000);
  setInterval(() => measure().catch(() => {}), 2000);
  kiosk.secret = storedSecret();
  if (kiosk.secret) connect(); else setup();
}

start();
