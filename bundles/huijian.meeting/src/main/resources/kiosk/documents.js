// Document display (文书展示) and the transcript panel (会见笔录) on the kiosk page.
//
// The lawyer terminal takes a still — from a server-side document camera (POST …/documents/capture?camera=ID), from
// the UVC document camera in this browser (getUserMedia with the device configured for this terminal, one frame
// drawn onto a canvas, uploaded as PNG), or from a chosen file — follows its progress while the server straightens
// and reads it, and shows the page. The detainee terminal's screen follows: every change of what the lawyer shows
// (the capture, zoom and pan) is a 'display' message over the signalling socket, relayed by the server only from
// the lawyer terminal of the meeting to the other party; the detainee page then fetches that capture of that
// meeting with its own credential. The recognised text lies over the page as transparent, selectable text at the
// OCR boxes, and a search box highlights the lines that contain what is typed.
//
// When the site has the 'transcript' capability, a 会见笔录 button opens /transcript/terminal.html?meeting=ID in a
// panel (that page reads the device secret from the same localStorage).

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 8;

export function documents({ h, t, toast, send, secret, current, isLawyer }) {
  const d = {
    capabilities: new Set(), cameras: { server: [], browser: [] }, seq: 0, capture: null, busy: false,
    view: { zoom: 1, x: 0.5, y: 0.5 }, pageUrl: null, sendTimer: null, pointers: new Map(), pinch: null,
  };

  async function api(path, options = {}) {
    const headers = { Authorization: `Bearer ${secret()}`, ...(options.headers || {}) };
    return fetch(path, { ...options, headers });
  }

  async function problemText(response) {
    try { const p = await response.json(); return p.detail || p.title || String(response.status); } catch { return String(response.status); }
  }

  /** After the socket's welcome: what this site runs and, for a lawyer terminal, its document cameras. */
  async function welcome() {
    try {
      const r = await fetch('/api/capabilities');
      if (r.ok) d.capabilities = new Set((await r.json()).map(c => c.id));
    } catch { /* shown without the optional buttons */ }
    if (isLawyer() && d.capabilities.has('documents')) {
      try {
        const r = await api('/api/document-cameras');
        if (r.ok) d.cameras = await r.json();
      } catch { /* only a file can be shown */ }
    }
  }

  /** Buttons for the call bar. */
  function buttons(meeting) {
    const out = [];
    if (d.capabilities.has('documents') && isLawyer()) {
      out.push(h('button', { id: 'doc-open', type: 'button', onclick: () => openPanel(meeting) }, t('doc.button')));
    }
    if (d.capabilities.has('transcript')) {
      out.push(h('button', { id: 'transcript-open', type: 'button', onclick: () => openTranscript(meeting) },
        t('transcript.button')));
    }
    return out;
  }

  // ---- the panel ----

  function panel() { return document.getElementById('doc-panel'); }

  function openPanel(meeting) {
    let p = panel();
    if (p && p.dataset.meetingId === String(meeting.id)) { p.hidden = false; return p; }
    p?.remove();
    const lawyer = isLawyer();
    const source = h('select', { id: 'doc-source', 'aria-label': t('doc.source') },
      d.cameras.server.map(c => h('option', { value: `server:${c.id}` }, `${t('doc.serverCamera')} ${c.id}`)),
      d.cameras.browser.map(c => h('option', { value: `browser:${c.id}` }, `${t('doc.browserCamera')} ${c.label || c.id}`)),
      h('option', { value: 'file' }, t('doc.file')));
    const file = h('input', { id: 'doc-file', type: 'file', accept: 'image/png,image/jpeg', hidden: true,
      onchange: e => { const f = e.target.files[0]; e.target.value = ''; if (f) upload(meeting, f, f.type); } });
    const toolbar = h('div', { class: 'doc-toolbar' },
      lawyer ? [source, h('button', { id: 'doc-take', type: 'button', class: 'primary', onclick: () => take(meeting) },
        t('doc.take')), file] : h('strong', null, t('doc.shown')),
      lawyer ? [h('button', { id: 'doc-zoom-out', type: 'button', 'aria-label': t('doc.zoomOut'), onclick: () => zoomBy(1 / 1.25) }, '−'),
        h('button', { id: 'doc-zoom-fit', type: 'button', onclick: () => setView({ zoom: 1, x: 0.5, y: 0.5 }) }, t('doc.fit')),
        h('button', { id: 'doc-zoom-in', type: 'button', 'aria-label': t('doc.zoomIn'), onclick: () => zoomBy(1.25) }, '+')] : null,
      h('input', { id: 'doc-search', type: 'search', placeholder: t('doc.search'), 'aria-label': t('doc.search'),
        oninput: e => search(e.target.value) }),
      h('span', { id: 'doc-hits', class: 'doc-hits', 'aria-live': 'polite' }),
      lawyer ? h('button', { id: 'doc-close', type: 'button', class: 'danger', onclick: () => closePanel(true) }, t('doc.close')) : null);
    const progress = h('div', { id: 'doc-progress', class: 'doc-progress', role: 'status', 'aria-live': 'polite', hidden: true },
      h('progress', { id: 'doc-progress-bar', max: '100', value: '0' }), h('span', { id: 'doc-progress-text' }));
    const page = h('div', { id: 'doc-page', class: 'doc-page' }, h('img', { id: 'doc-image', alt: '' }),
      h('div', { id: 'doc-text', class: 'doc-text' }));
    const view = h('div', { id: 'doc-view', class: 'doc-view' }, page,
      h('p', { id: 'doc-empty', class: 'doc-empty' }, lawyer ? t('doc.empty') : t('doc.waiting')));
    p = h('section', { id: 'doc-panel', class: 'doc-panel', 'data-meeting-id': meeting.id, 'aria-label': t('doc.button') },
      toolbar, progress, view);
    if (lawyer) gestures(view);
    document.body.append(p);
    return p;
  }

  function closePanel(tell) {
    const p = panel();
    if (!p) return;
    if (tell && isLawyer()) send({ type: 'display', meetingId: Number(p.dataset.meetingId), seq: 0 });
    if (d.pageUrl) URL.revokeObjectURL(d.pageUrl);
    d.pageUrl = null;
    d.seq = 0;
    d.capture = null;
    p.remove();
  }

  function progress(percent, text) {
    const box = document.getElementById('doc-progress');
    if (!box) return;
    box.hidden = percent === null;
    document.getElementById('doc-progress-bar').value = String(percent ?? 0);
    document.getElementById('doc-progress-text').textContent = text || '';
  }

  // ---- taking a still (lawyer) ----

  async function take(meeting) {
    const choice = document.getElementById('doc-source').value;
    if (choice === 'file') { document.getElementById('doc-file').click(); return; }
    if (choice.startsWith('server:')) {
      await submit(meeting, () => api(`/api/meetings/${meeting.id}/documents/capture?camera=${encodeURIComponent(choice.slice(7))}`,
        { method: 'POST' }));
      return;
    }
    const cam = d.cameras.browser.find(c => `browser:${c.id}` === choice);
    let blob;
    try {
      progress(0, t('doc.capturing'));
      blob = await browserStill(cam);
    } catch (e) {
      progress(null);
      toast(t('doc.cameraFailed', { message: e.message }));
      return;
    }
    await upload(meeting, blob, 'image/png');
  }

  /** One full-size frame from the UVC document camera of this terminal, as PNG. */
  async function browserStill(cam) {
    const devices = (await navigator.mediaDevices.enumerateDevices()).filter(x => x.kind === 'videoinput');
    const device = devices.find(x => cam.deviceId && x.deviceId === cam.deviceId)
      || devices.find(x => cam.label && x.label.toLowerCase().includes(cam.label.toLowerCase()));
    if (!device) throw new Error(t('doc.noDevice', { label: cam.label || cam.deviceId }));
    const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { deviceId: { exact: device.deviceId },
      width: { ideal: cam.width }, height: { ideal: cam.height } } });
    try {
      const video = h('video', { muted: true, playsinline: true });
      video.srcObject = stream;
      await video.play();
      await new Promise(resolve => setTimeout(resolve, 400)); // exposure settles
      const canvas = h('canvas', { width: video.videoWidth, height: video.videoHeight });
      canvas.getContext('2d').drawImage(video, 0, 0);
      return await new Promise((resolve, reject) => canvas.toBlob(b => (b ? resolve(b) : reject(new Error('no frame'))), 'image/png'));
    } finally {
      stream.getTracks().forEach(track => track.stop());
    }
  }

  async function upload(meeting, blob, type) {
    await submit(meeting, () => api(`/api/meetings/${meeting.id}/documents`, { method: 'POST',
      headers: { 'Content-Type': type || 'application/octet-stream' }, body: blob }));
  }

  /** Sends a still and follows it until it is straightened and read; then shows it on both screens. */
  async function submit(meeting, call) {
    if (d.busy) return;
    d.busy = true;
    const takeButton = document.getElementById('doc-take');
    if (takeButton) takeButton.disabled = true;
    try {
      progress(0, t('doc.sending'));
      const r = await call();
      if (r.status === 503) {
        progress(null);
        toast(t('doc.busy', { s: r.headers.get('Retry-After') || '5' }));
        return;
      }
      if (r.status !== 202) { progress(null); toast(t('doc.refused', { message: await problemText(r) })); return; }
      let c = await r.json();
      while (c.state === 'queued' || c.state === 'processing') {
        progress(c.percent, t(`doc.stage.${c.stage}`, { n: c.percent }));
        await new Promise(resolve => setTimeout(resolve, 400));
        const next = await api(`/api/meetings/${meeting.id}/documents/${c.seq}`);
        if (!next.ok) { progress(null); toast(t('doc.refused', { message: await problemText(next) })); return; }
        c = await next.json();
      }
      if (c.state !== 'done') { progress(null); toast(t('doc.failed', { reason: c.reason || c.state })); return; }
      progress(null);
      await show(meeting.id, c.seq);
      setView({ zoom: 1, x: 0.5, y: 0.5 });
    } catch (e) {
      progress(null);
      toast(t('doc.refused', { message: e.message }));
    } finally {
      d.busy = false;
      if (takeButton) takeButton.disabled = false;
    }
  }

  // ---- showing a capture (both sides) ----

  async function show(meetingId, seq) {
    if (d.seq === seq && d.capture) return;
    const r = await api(`/api/meetings/${meetingId}/documents/${seq}`);
    if (!r.ok) { toast(t('doc.refused', { message: await problemText(r) })); return; }
    const capture = await r.json();
    if (capture.state !== 'done') return;
    const img = await api(`/api/meetings/${meetingId}/documents/${seq}/page.png`);
    if (!img.ok) { toast(t('doc.refused', { message: await problemText(img) })); return; }
    const url = URL.createObjectURL(await img.blob());
    const image = document.getElementById('doc-image');
    await new Promise(resolve => { image.onload = resolve; image.onerror = resolve; image.src = url; });
    if (d.pageUrl) URL.revokeObjectURL(d.pageUrl);
    d.pageUrl = url;
    d.seq = seq;
    d.capture = capture;
    panel().dataset.seq = String(seq);
    document.getElementById('doc-empty').hidden = true;
    layout();
    const layer = document.getElementById('doc-text');
    layer.replaceChildren(...(capture.lines || []).map((line, i) => {
      const b = line.box;
      return h('span', { class: 'doc-line', 'data-line': i, 'data-text': line.text,
        style: `left:${(100 * b.left) / capture.width}%;top:${(100 * b.top) / capture.height}%;`
          + `width:${(100 * b.width) / capture.width}%;height:${(100 * b.height) / capture.height}%` }, line.text);
    }));
    fitText();
    search(document.getElementById('doc-search').value);
  }

  /** The page fits the view at zoom 1; its text layer is sized in the same pixels. */
  function layout() {
    const view = document.getElementById('doc-view');
    const page = document.getElementById('doc-page');
    if (!view || !page || !d.capture) return;
    const scale = Math.min(view.clientWidth / d.capture.width, view.clientHeight / d.capture.height);
    page.style.width = `${d.capture.width * scale}px`;
    page.style.height = `${d.capture.height * scale}px`;
    apply();
  }

  /** Each line's font as high as its box, and stretched to its width, so a selection covers the printed text. */
  function fitText() {
    for (const span of document.querySelectorAll('#doc-text .doc-line')) {
      span.style.fontSize = `${span.clientHeight * 0.9}px`;
      span.style.transform = '';
      const natural = span.scrollWidth;
      if (natural > 0) span.style.transform = `scaleX(${span.clientWidth / natural})`;
    }
  }

  function apply() {
    const view = document.getElementById('doc-view');
    const page = document.getElementById('doc-page');
    if (!view || !page) return;
    const { zoom, x, y } = d.view;
    const w = page.offsetWidth;
    const hgt = page.offsetHeight;
    const tx = view.clientWidth / 2 - x * w * zoom;
    const ty = view.clientHeight / 2 - y * hgt * zoom;
    page.style.transform = `translate(${tx}px, ${ty}px) scale(${zoom})`;
    panel().dataset.zoom = zoom.toFixed(3);
  }

  /** The lawyer changes the view: applied here and, a moment later, on the detainee's screen. */
  function setView(v) {
    d.view = { zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom)), x: Math.min(1, Math.max(0, v.x)),
      y: Math.min(1, Math.max(0, v.y)) };
    apply();
    if (!isLawyer() || !d.seq) return;
    clearTimeout(d.sendTimer);
    d.sendTimer = setTimeout(() => send({ type: 'display', meetingId: Number(panel().dataset.meetingId), seq: d.seq,
      zoom: d.view.zoom, x: d.view.x, y: d.view.y }), 80);
  }

  function zoomBy(factor) { setView({ ...d.view, zoom: d.view.zoom * factor }); }

  /** Wheel to zoom, drag to pan, two fingers to pinch. */
  function gestures(view) {
    view.addEventListener('wheel', e => { e.preventDefault(); zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1); }, { passive: false });
    view.addEventListener('pointerdown', e => {
      if (e.target.closest('.doc-line') && e.pointerType === 'mouse' && e.shiftKey) return; // shift-drag selects text
      d.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      view.setPointerCapture(e.pointerId);
    });
    view.addEventListener('pointermove', e => {
      const before = d.pointers.get(e.pointerId);
      if (!before) return;
      const page = document.getElementById('doc-page');
      if (d.pointers.size === 2) {
        const [a, b] = [...d.pointers.values()];
        const other = a === before ? b : a;
        const was = Math.hypot(before.x - other.x, before.y - other.y);
        const now = Math.hypot(e.clientX - other.x, e.clientY - other.y);
        d.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
        if (was > 0) zoomBy(now / was);
        return;
      }
      d.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const scale = d.view.zoom;
      setView({ ...d.view, x: d.view.x - (e.clientX - before.x) / (page.offsetWidth * scale),
        y: d.view.y - (e.clientY - before.y) / (page.offsetHeight * scale) });
    });
    const up = e => d.pointers.delete(e.pointerId);
    view.addEventListener('pointerup', up);
    view.addEventListener('pointercancel', up);
  }

  /** Highlights the lines that contain the text searched for (spaces ignored, Latin letters in any case). */
  function search(query) {
    const q = (query || '').replace(/\s+/g, '').toLowerCase();
    let hits = 0;
    for (const span of document.querySelectorAll('#doc-text .doc-line')) {
      const hit = q.length > 0 && span.dataset.text.replace(/\s+/g, '').toLowerCase().includes(q);
      span.classList.toggle('hit', hit);
      if (hit) hits += 1;
    }
    const out = document.getElementById('doc-hits');
    if (out) out.textContent = q ? t('doc.hits', { n: hits }) : '';
  }

  /** The detainee's screen follows the lawyer's display. */
  async function followed(m) {
    const meeting = current();
    if (!meeting || meeting.id !== m.meetingId || isLawyer()) return;
    if (!m.seq) { closePanel(false); return; }
    openPanel(meeting);
    await show(m.meetingId, m.seq);
    d.view = { zoom: m.zoom, x: m.x, y: m.y };
    apply();
  }

  // ---- the transcript (会见笔录), built by the transcript feature ----

  function openTranscript(meeting) {
    let p = document.getElementById('transcript-panel');
    if (!p) {
      p = h('section', { id: 'transcript-panel', class: 'doc-panel transcript-panel', 'aria-label': t('transcript.button') },
        h('div', { class: 'doc-toolbar' }, h('strong', null, t('transcript.button')),
          h('button', { id: 'transcript-close', type: 'button', onclick: () => p.remove() }, t('doc.close'))),
        h('iframe', { id: 'transcript-frame', title: t('transcript.button'),
          src: `/transcript/terminal.html?meeting=${encodeURIComponent(meeting.id)}` }));
      document.body.append(p);
    }
    p.hidden = false;
  }

  /** The detainee's page came back (reloaded, reconnected): show it again what is on the lawyer's screen. */
  function peerBack() {
    const p = panel();
    if (!isLawyer() || !p || !d.seq) return;
    send({ type: 'display', meetingId: Number(p.dataset.meetingId), seq: d.seq, zoom: d.view.zoom, x: d.view.x, y: d.view.y });
  }

  /** The meeting is over or another one is shown: nothing of it stays on the screen. */
  function ended() {
    closePanel(false);
    document.getElementById('transcript-panel')?.remove();
  }

  window.addEventListener('resize', () => { layout(); fitText(); });

  return { welcome, buttons, followed, ended, peerBack,
    state: () => ({ capabilities: [...d.capabilities], cameras: d.cameras, seq: d.seq, view: d.view,
      lines: d.capture?.lines?.length ?? 0 }) };
}
