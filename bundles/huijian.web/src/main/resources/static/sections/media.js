// The web module of the `media` capability: meeting recordings (会见录像) for supervisors, site administrators and
// auditors. Each meeting's recordings are listed (party, part, start, length, size, SHA-256, interrupted or not);
// "play" opens the composite view: both parties' videos side by side, played together — one control for both, the
// second video kept within a fraction of a second of the first (their own start times align them). Video only:
// the bridge never records sound. Every playback is audited by the server.
import { api } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, button, loading, errorBox, table, badge } from '../dom.js';
import { registerSection } from './registry.js';
import { sectionTitle } from './common.js';

registerSection({
  id: 'recordings', capability: 'media', roles: ['supervisor', 'site-admin', 'auditor'], titleKey: 'nav.recordings',
  order: 72, landingFor: ['auditor'], render: renderRecordings,
});

async function renderRecordings(container) {
  container.replaceChildren(sectionTitle(t('nav.recordings')), loading());
  let recordings;
  try {
    recordings = await api.get('/media/recordings');
  } catch (error) {
    container.replaceChildren(sectionTitle(t('nav.recordings')), errorBox(error));
    return;
  }
  const player = h('div', { id: 'recording-player' });
  const byMeeting = new Map();
  for (const r of recordings) {
    if (!byMeeting.has(r.meetingId)) byMeeting.set(r.meetingId, []);
    byMeeting.get(r.meetingId).push(r);
  }
  const rows = [...byMeeting.entries()].map(([meetingId, list]) => ({ meetingId, list }));
  container.replaceChildren(sectionTitle(t('nav.recordings')), h('p', { class: 'muted' }, t('recordings.privacy')), player,
    table({
      id: 'recording-table', caption: t('recordings.list'), rows, empty: t('recordings.none'),
      columns: [
        { label: t('recordings.meeting'), cell: x => String(x.meetingId) },
        { label: t('recordings.parts'), cell: x => h('ul', { class: 'plain' }, x.list.map(r => h('li', null,
          `${t(`recordings.party.${r.party}`)} #${r.part} · ${formatInstant(r.startedAt)} · ${seconds(r.durationMs)} · ${size(r.sizeBytes)}`,
          r.interrupted ? [' ', badge(t('recordings.interrupted'), 'warn')] : null,
          r.sha256 ? h('span', { class: 'muted small', title: r.sha256 }, ` SHA-256 ${r.sha256.slice(0, 12)}…`) : null))) },
        { label: t('common.actions'), cell: x => button(t('recordings.play'), () => play(player, x.meetingId, x.list),
          { kind: 'small', id: `play-${x.meetingId}` }) },
      ],
    }));
}

function seconds(ms) {
  const s = Math.round((ms || 0) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function size(bytes) {
  return bytes > 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The composite view: the first part of each party's recording, side by side and in step. */
function play(player, meetingId, list) {
  const first = party => list.filter(r => r.party === party).sort((a, b) => a.part - b.part)[0];
  const lawyer = first('lawyer');
  const detainee = first('detainee');
  const video = (r, id) => r ? h('video', { id, src: `/api/media/recordings/${meetingId}/${r.party}/${r.part}`, preload: 'auto',
    muted: true, playsinline: true }) : h('p', { class: 'muted' }, t('recordings.missing'));
  const left = video(lawyer, 'composite-lawyer');
  const right = video(detainee, 'composite-detainee');
  // How much later the detainee's recording started than the lawyer's, in seconds.
  const offset = lawyer && detainee ? (Date.parse(detainee.startedAt) - Date.parse(lawyer.startedAt)) / 1000 : 0;
  const time = h('span', { id: 'composite-time', class: 'mono' }, '0:00');
  const seek = h('input', { id: 'composite-seek', type: 'range', min: '0', max: '1000', value: '0', 'aria-label': t('recordings.seek') });
  const toggle = button(t('recordings.play'), () => {
    if (left.paused) { left.play(); right.play?.(); toggle.textContent = t('recordings.pause'); }
    else { left.pause(); right.pause?.(); toggle.textContent = t('recordings.play'); }
  }, { id: 'composite-toggle' });
  const lead = left instanceof HTMLVideoElement ? left : right;
  const follow = lead === left ? right : left;
  const follows = follow instanceof HTMLVideoElement;
  const sync = () => {
    if (!follows) return;
    const want = lead === left ? lead.currentTime - offset : lead.currentTime + offset;
    if (want >= 0 && Math.abs(follow.currentTime - want) > 0.3) follow.currentTime = want;
  };
  lead.addEventListener?.('timeupdate', () => {
    sync();
    time.textContent = seconds(lead.currentTime * 1000);
    if (lead.duration > 0 && Number.isFinite(lead.duration)) seek.value = String(Math.round(1000 * lead.currentTime / lead.duration));
  });
  seek.addEventListener('input', () => {
    if (lead.duration > 0 && Number.isFinite(lead.duration)) { lead.currentTime = lead.duration * Number(seek.value) / 1000; sync(); }
  });
  player.replaceChildren(h('section', { class: 'panel composite', 'data-meeting-id': meetingId },
    h('h2', { class: 'panel-title' }, t('recordings.composite', { id: meetingId })),
    h('div', { class: 'live-videos' },
      h('figure', { class: 'live-video' }, left, h('figcaption', null, t('recordings.party.lawyer'))),
      h('figure', { class: 'live-video' }, right, h('figcaption', null, t('recordings.party.detainee')))),
    h('div', { class: 'live-actions' }, toggle, seek, time)));
}
