// The web module of the `meeting` capability: the supervisor's console of live meetings (实时会见监看).
// Every live meeting at a glance — place, terminals, lawyer, detainee, state, elapsed and remaining time,
// whether each terminal is online — with the supervisor's actions: a reminder (插话提醒), the time limit
// (通话时间设定) and force-terminate (强行终止), each audited under the signed-in person's name.
// "Watch" shows both terminals' cameras. Video only, by construction: the console never asks for a microphone,
// the terminals offer it their video track alone, and the server refuses any monitor description with audio.
// The live state and the video offers come over the signalling WebSocket, opened with a one-time ticket
// (POST /api/meetings/monitor-ticket). window.huijianConsole.stats() gives the figures of the watched videos.
import { api } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, button, act, notify, loading, errorBox, alertError, badge } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle } from './common.js';

registerSection({
  id: 'live', capability: 'meeting', roles: ['supervisor', 'site-admin'], titleKey: 'nav.live', order: 70,
  landingFor: ['supervisor'], render: renderLive,
});

const PARTIES = ['lawyer', 'detainee'];
let active = null; // the one console on screen

async function renderLive(container) {
  if (active) active.close();
  container.replaceChildren(sectionTitle(t('nav.live')), loading());
  const view = new LiveConsole(container);
  active = view;
  try {
    await view.open();
  } catch (error) {
    container.replaceChildren(sectionTitle(t('nav.live')), errorBox(error));
  }
}

class LiveConsole {
  constructor(container) {
    this.container = container;
    this.meetings = new Map();
    this.watching = new Set();
    this.peers = new Map(); // `${meetingId}:${party}` -> RTCPeerConnection
    this.retry = 0;
    this.closed = false;
    this.list = h('div', { id: 'live-list', class: 'live-list' });
    this.state = h('p', { id: 'live-connection', class: 'muted', role: 'status' }, t('live.connecting'));
    container.replaceChildren(sectionTitle(t('nav.live')), h('p', { class: 'muted' }, t('live.privacy')), this.state, this.list);
    this.timer = setInterval(() => this.tick(), 1000);
    window.huijianConsole = { stats: () => this.stats(), watching: () => [...this.watching] };
  }

  async open() {
    this.meetings = new Map((await api.get('/meetings')).map(m => [m.id, m]));
    this.draw();
    await this.connect();
  }

  async connect() {
    if (this.closed) return;
    let ticket;
    try {
      ticket = (await api.post('/meetings/monitor-ticket')).ticket;
    } catch (error) {
      this.state.textContent = t('live.offline');
      alertError(error);
      return;
    }
    const ws = new WebSocket(`wss://${location.host}/ws/terminal`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', secret: ticket }));
    ws.onmessage = event => {
      let m;
      try { m = JSON.parse(event.data); } catch { return; }
      this.handle(m).catch(e => console.error('console', m.type, e));
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.dropPeers();
      if (this.closed) return;
      this.state.textContent = t('live.offline');
      const wait = Math.min(10, 2 ** this.retry++);
      this.retryTimer = setTimeout(() => this.connect(), wait * 1000);
    };
    this.ping = setInterval(() => this.send({ type: 'ping' }), 20000);
  }

  close() {
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.ping);
    clearTimeout(this.retryTimer);
    this.dropPeers();
    if (this.ws) { const ws = this.ws; this.ws = null; ws.close(); }
    if (active === this) active = null;
  }

  send(message) { if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message)); }

  async handle(m) {
    switch (m.type) {
    case 'welcome':
      this.retry = 0;
      this.state.textContent = t('live.online');
      this.state.dataset.watcher = m.watcher;
      this.media = m.media || 'p2p';
      this.meetings = new Map(m.meetings.map(x => [x.id, x]));
      for (const id of this.watching) { // watch again after a reconnect
        if (this.meetings.has(id)) this.startWatching(id); else this.watching.delete(id);
      }
      this.draw();
      break;
    case 'meeting': {
      const x = m.meeting;
      if (x.state === 'ENDED' || x.state === 'TERMINATED') {
        this.meetings.delete(x.id);
        this.watching.delete(x.id);
        for (const p of PARTIES) this.dropPeer(x.id, p);
      } else {
        this.meetings.set(x.id, x);
      }
      this.draw();
      break;
    }
    case 'signal':
      if (m.channel === 'monitor') await this.videoOffer(m);
      break;
    case 'error':
      alertError(m.message || m.problem);
      break;
    default:
      break;
    }
  }

  /** Asks to watch a meeting; through the bridge, this console then offers to receive each party's video. */
  async startWatching(id) {
    this.send({ type: 'watch', meetingId: id });
    if (this.media !== 'bridge') return; // peer-to-peer: the terminals offer their video to this console
    for (const party of PARTIES) {
      this.dropPeer(id, party);
      const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' });
      this.peers.set(`${id}:${party}`, pc);
      pc.addTransceiver('video', { direction: 'recvonly' }); // video only: no audio section is ever offered
      pc.ontrack = e => {
        if (e.track.kind !== 'video') { e.track.stop(); return; }
        const video = document.getElementById(`watch-${id}-${party}`);
        if (video) video.srcObject = e.streams[0] || new MediaStream([e.track]);
      };
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      this.send({ type: 'signal', meetingId: id, channel: 'monitor', peer: party, kind: 'offer', sdp: pc.localDescription.sdp });
    }
  }

  /** A terminal offers its camera to this console (peer-to-peer), or the bridge answers this console's offer. */
  async videoOffer(m) {
    const party = m.from === 'LAWYER' ? 'lawyer' : 'detainee';
    const key = `${m.meetingId}:${party}`;
    if (m.kind === 'answer') {
      const pc = this.peers.get(key);
      if (pc && pc.signalingState === 'have-local-offer') await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
      return;
    }
    if (m.kind === 'offer') {
      this.dropPeer(m.meetingId, party);
      const pc = new RTCPeerConnection({ iceServers: [] });
      this.peers.set(key, pc);
      pc.onicecandidate = e => {
        if (e.candidate) this.send({ type: 'signal', meetingId: m.meetingId, channel: 'monitor', peer: party, kind: 'ice', candidate: e.candidate.toJSON() });
      };
      pc.ontrack = e => {
        if (e.track.kind !== 'video') { e.track.stop(); return; } // never played, whatever arrives
        const video = document.getElementById(`watch-${m.meetingId}-${party}`);
        if (video) video.srcObject = e.streams[0] || new MediaStream([e.track]);
      };
      await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp });
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      this.send({ type: 'signal', meetingId: m.meetingId, channel: 'monitor', peer: party, kind: 'answer', sdp: pc.localDescription.sdp });
    } else if (m.kind === 'ice' && this.peers.has(key)) {
      await this.peers.get(key).addIceCandidate(m.candidate).catch(() => {});
    }
  }

  dropPeer(meetingId, party) {
    const key = `${meetingId}:${party}`;
    const pc = this.peers.get(key);
    if (pc) { pc.close(); this.peers.delete(key); }
  }

  dropPeers() { for (const pc of this.peers.values()) pc.close(); this.peers.clear(); }

  watch(id, on) {
    if (on) { this.watching.add(id); this.startWatching(id).catch(e => console.error('watch', e)); }
    else { this.watching.delete(id); this.send({ type: 'unwatch', meetingId: id }); for (const p of PARTIES) this.dropPeer(id, p); }
    this.draw();
  }

  draw() {
    if (!this.container.isConnected) { this.close(); return; }
    const live = [...this.meetings.values()].sort((a, b) => a.bookedStart.localeCompare(b.bookedStart));
    if (!live.length) {
      this.list.replaceChildren(h('p', { id: 'live-none', class: 'muted' }, t('live.none')));
      return;
    }
    const keep = new Set(live.map(m => `live-${m.id}`));
    for (const el of [...this.list.children]) if (!keep.has(el.id)) el.remove();
    for (const m of live) {
      const existing = document.getElementById(`live-${m.id}`);
      const card = this.card(m, existing);
      if (!existing) this.list.append(card);
    }
    this.tick();
  }

  /** One meeting's card; its videos and forms are kept across updates so typing and watching go on. */
  card(m, existing) {
    const p = m.parties || {};
    const summary = h('div', { class: 'live-summary' },
      h('h2', { class: 'panel-title' }, `${p.centreName || ''} ${p.positionName || ''} ⇄ ${p.detentionCentreName || ''}`),
      h('dl', { class: 'details' },
        h('dt', null, t('live.booking')), h('dd', null, p.bookingReference || m.bookingId),
        h('dt', null, t('live.lawyer')), h('dd', null, [p.lawyerName, p.lawFirmName].filter(Boolean).join(' · ') || '—'),
        h('dt', null, t('live.detainee')), h('dd', null, [p.detaineeName, p.detaineeCode, p.caseNo].filter(Boolean).join(' · ') || '—'),
        h('dt', null, t('live.terminals')), h('dd', null,
          online(p.lawyerTerminalName, m.lawyerOnline), ' ', online(p.detaineeTerminalName, m.detaineeOnline)),
        h('dt', null, t('live.state')), h('dd', { 'data-role': 'state' }, badge(t(`live.state.${m.state}`), m.state === 'CONNECTED' ? 'ok' : 'warn')),
        h('dt', null, t('live.booked')), h('dd', null, `${formatInstant(m.bookedStart)} – ${formatInstant(m.bookedEnd).slice(-8)}`),
        h('dt', null, t('live.elapsed')), h('dd', { 'data-role': 'elapsed', 'data-since': m.connectedAt || '' }, '—'),
        h('dt', null, t('live.remaining')), h('dd', { 'data-role': 'remaining', 'data-until': m.limitAt || '' }, '—')));
    if (existing) {
      existing.querySelector('.live-summary').replaceWith(summary);
      const watchButton = existing.querySelector('[data-role=watch]');
      watchButton.textContent = this.watching.has(m.id) ? t('live.unwatch') : t('live.watch');
      existing.querySelector('.live-videos').hidden = !this.watching.has(m.id);
      return existing;
    }
    const id = m.id;
    const videos = h('div', { class: 'live-videos' }, PARTIES.map(party => h('figure', { class: 'live-video' },
      h('video', { id: `watch-${id}-${party}`, autoplay: true, playsinline: true, muted: true }),
      h('figcaption', null, t(`live.${party}Camera`)))));
    for (const v of videos.querySelectorAll('video')) v.muted = true;
    videos.hidden = !this.watching.has(id);
    const reminder = h('input', { id: `remind-text-${id}`, type: 'text', maxlength: '200', 'aria-label': t('live.reminderText'), placeholder: t('live.reminderText') });
    const minutes = h('input', { id: `limit-minutes-${id}`, type: 'number', min: '1', max: '180', step: '1', 'aria-label': t('live.limitMinutes'), placeholder: t('live.limitMinutes') });
    const reason = h('input', { id: `terminate-reason-${id}`, type: 'text', maxlength: '200', 'aria-label': t('live.terminateReason'), placeholder: t('live.terminateReason') });
    return h('section', { id: `live-${id}`, class: 'panel live-card', 'data-meeting-id': id },
      summary,
      h('div', { class: 'live-actions' },
        button(this.watching.has(id) ? t('live.unwatch') : t('live.watch'), () => this.watch(id, !this.watching.has(id)),
          { id: `watch-${id}`, 'data-role': 'watch' }),
        h('span', { class: 'inline-form' }, reminder, button(t('live.remind'), e => act(e.currentTarget, async () => {
          if (!reminder.value.trim()) throw new Error(t('live.reminderRequired'));
          await api.post(`/meetings/${id}/remind`, { text: reminder.value.trim() });
          reminder.value = '';
        }, t('live.reminded')), { id: `remind-${id}` })),
        h('span', { class: 'inline-form' }, minutes, button(t('live.setLimit'), e => act(e.currentTarget, async () => {
          await api.post(`/meetings/${id}/limit`, { minutes: minutes.value === '' ? null : Number(minutes.value) });
        }, t('live.limitSet')), { id: `limit-${id}` })),
        h('span', { class: 'inline-form' }, reason, button(t('live.terminate'), e => act(e.currentTarget, async () => {
          if (!reason.value.trim()) throw new Error(t('live.reasonRequired'));
          if (!confirm(t('live.confirmTerminate'))) return;
          await api.post(`/meetings/${id}/terminate`, { reason: reason.value.trim() });
          notify(t('live.terminated'));
        }), { id: `terminate-${id}`, kind: 'danger' }))),
      videos);
  }

  tick() {
    if (!this.container.isConnected) { this.close(); return; }
    const now = Date.now();
    for (const el of this.list.querySelectorAll('[data-role=elapsed]')) {
      el.textContent = el.dataset.since ? clock(now - Date.parse(el.dataset.since)) : '—';
    }
    for (const el of this.list.querySelectorAll('[data-role=remaining]')) {
      el.textContent = el.dataset.until ? clock(Date.parse(el.dataset.until) - now) : '—';
    }
  }

  /** What each watched video connection carries, from getStats(): it must never carry audio. */
  async stats() {
    const out = {};
    for (const [key, pc] of this.peers) {
      const s = { connectionState: pc.connectionState, audioTracks: 0, videoTracks: 0, audioBytes: 0, framesDecoded: 0,
        frameWidth: null, frameHeight: null, audioSections: (pc.remoteDescription?.sdp.match(/^m=audio/mg) || []).length };
      for (const r of pc.getReceivers()) { if (r.track.kind === 'audio') s.audioTracks++; else s.videoTracks++; }
      (await pc.getStats()).forEach(r => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') s.audioBytes += r.bytesReceived || 0;
        if (r.type === 'inbound-rtp' && r.kind === 'video') {
          s.framesDecoded += r.framesDecoded || 0;
          s.frameWidth = r.frameWidth ?? s.frameWidth;
          s.frameHeight = r.frameHeight ?? s.frameHeight;
        }
      });
      out[key] = s;
    }
    return out;
  }
}

function online(name, up) {
  return badge(`${name || '—'} ${up ? t('live.terminalOnline') : t('live.terminalOffline')}`, up ? 'ok' : 'off');
}

function clock(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = n => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}
