// #/portal/book — a lawyer books a meeting (预约会见): centre, detention centre and date; the day's slots
// (GET /api/availability) as buttons id="slot-HHmm"; then the booking form (booking-form): detainee and case,
// one or two slots, and the letters (委托书, 律所公函), uploaded first (POST /api/documents), then
// POST /api/bookings. A full day offers the waiting list (waitlist-join).
import { api, query, ApiError } from '../api.js';
import { t, isoDate, formatDay } from '../i18n.js';
import { h, field, makeForm, panel, button, loading, errorBox, optionsOf, setOptions, clearErrors, showErrors,
  showProblem } from '../dom.js';
import { registerPortalPage } from './registry.js';
import { statusBadge, period, timeOf, when, formatLocal } from './booking-common.js';

registerPortalPage({ id: 'book', capability: 'booking', titleKey: 'nav.book', navId: 'nav-book', order: 10, render: renderBook });

const QUICK_DAYS = 7;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const LETTERS = [['authorisationLetter', 'AUTHORISATION_LETTER'], ['firmLetter', 'FIRM_LETTER']];
/** Refusals after which the day's slots are worth showing again. */
const STALE_SLOTS = ['slot-taken', 'no-detainee-terminal', 'lawyer-busy', 'detainee-busy'];

const freeOf = slot => Math.min(slot.freePositions, slot.freeTerminals);
const slotId = slot => `slot-${timeOf(slot.start).replace(':', '')}`;

async function renderBook(container) {
  const title = h('h1', { tabindex: '-1' }, t('book.title'));
  container.replaceChildren(title, loading());
  let centres;
  try {
    centres = await api.get('/centres');
  } catch (error) {
    container.replaceChildren(title, errorBox(error));
    return;
  }
  const centreById = new Map(centres.map(c => [c.id, c]));
  const dcNames = new Map();
  // What is chosen: centre, detention centre, date, the day's availability, the first slot.
  const state = { centreId: null, detentionCentreId: null, date: null, availability: null, slot: null };
  let requestNo = 0;

  const slotsBox = h('div', { id: 'availability', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, t('book.chooseFirst')));
  const doneBox = h('div', { id: 'booking-result' });

  // ---- 1. where and when
  const f = 'availability-form';
  const chooser = makeForm({
    id: f, submitLabel: t('book.showSlots'), className: 'inline-form',
    children: [
      field(f, { name: 'centreId', label: t('terminals.centre'), type: 'select', dataType: 'number', required: true,
        options: optionsOf(centres, { empty: centres.length ? t('common.choose') : t('portal.noCentres') }) }),
      field(f, { name: 'detentionCentreId', label: t('terminals.detentionCentre'), type: 'select', dataType: 'number',
        required: true, options: [{ value: '', label: t('book.chooseCentreFirst') }] }),
      field(f, { name: 'date', label: t('field.date'), type: 'date', required: true, attrs: { min: isoDate() } }),
    ],
    onSubmit: values => load(values),
  });
  const centreSelect = chooser.querySelector(`#${f}-centreId`);
  const dcSelect = chooser.querySelector(`#${f}-detentionCentreId`);
  const dateInput = chooser.querySelector(`#${f}-date`);
  const quickDays = h('div', { class: 'day-buttons', role: 'group', 'aria-label': t('book.quickDays') },
    Array.from({ length: QUICK_DAYS }, (_, i) => isoDate(i)).map(d => button(formatDay(d), () => {
      dateInput.value = d;
      changed();
    }, { kind: 'small day', id: `day-${d}`, 'aria-pressed': 'false', 'data-date': d })));

  centreSelect.addEventListener('change', async () => {
    const centreId = Number(centreSelect.value) || null;
    setOptions(dcSelect, [{ value: '', label: centreId ? t('common.loading') : t('book.chooseCentreFirst') }]);
    if (centreId) {
      try {
        const list = await api.get(`/centres/${centreId}/detention-centres`);
        list.forEach(d => dcNames.set(d.id, d.name));
        setOptions(dcSelect, optionsOf(list, { empty: list.length ? t('common.choose') : t('portal.noDetentionCentres') }));
        if (list.length === 1) dcSelect.value = String(list[0].id);
      } catch (error) {
        slotsBox.replaceChildren(errorBox(error));
      }
    }
    changed();
  });
  dcSelect.addEventListener('change', changed);
  dateInput.addEventListener('change', changed);

  /** Loads the slots as soon as centre, detention centre and date are all chosen. */
  function changed() {
    if (!formPanel.hidden) doneBox.replaceChildren(); // an earlier "joined the waiting list"
    quickDays.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.date === dateInput.value)));
    const values = { centreId: Number(centreSelect.value) || null, detentionCentreId: Number(dcSelect.value) || null,
      date: dateInput.value || null };
    if (values.centreId && values.detentionCentreId && values.date) load(values);
    else {
      choose(null);
      state.availability = null;
      waitlistButton.hidden = true;
      slotsBox.replaceChildren(h('p', { class: 'muted' }, t('book.chooseFirst')));
    }
  }

  async function load({ centreId, detentionCentreId, date }, keepSlot = false) {
    const n = ++requestNo;
    const same = state.centreId === centreId && state.detentionCentreId === detentionCentreId && state.date === date;
    Object.assign(state, { centreId, detentionCentreId, date });
    if (!same || !keepSlot) choose(null);
    waitlistButton.hidden = true;
    slotsBox.replaceChildren(loading());
    try {
      const a = await api.get('/availability' + query({ centreId, detentionCentreId, date }));
      if (n !== requestNo) return;
      state.availability = a;
      if (state.slot && !a.slots.some(s => s.start === state.slot.start && freeOf(s) > 0)) choose(null);
      renderSlots();
    } catch (error) {
      if (n === requestNo) slotsBox.replaceChildren(errorBox(error));
    }
  }

  // ---- 2. the day's slots
  function renderSlots() {
    const a = state.availability;
    const full = a.bookable && a.slots.length > 0 && a.slots.every(s => freeOf(s) <= 0);
    const heading = h('p', { class: 'slots-day' }, h('strong', null, formatDay(a.date, true)), ' · ',
      centreById.get(a.centreId)?.name ?? '', ' → ', dcNames.get(a.detentionCentreId) ?? '');
    const notice = !a.bookable
      ? h('div', { class: 'notice warn', id: 'availability-reason', role: 'status' },
        h('p', null, a.reason || t('book.notBookable')),
        a.releasedAt ? h('p', null, t('book.releasedAt', { at: formatLocal(a.releasedAt) })) : null)
      : full ? h('p', { class: 'notice warn', id: 'availability-full', role: 'status' }, t('book.dayFull')) : null;
    const grid = a.slots.length
      ? h('div', { class: 'slot-grid', id: 'slot-grid', role: 'group', 'aria-label': t('book.slots') }, a.slots.map(s => {
        const free = freeOf(s);
        const chosen = state.slot?.start === s.start;
        return h('button', { type: 'button', class: `slot${free > 0 ? '' : ' full'}`, id: slotId(s),
          disabled: !a.bookable || free <= 0, 'aria-pressed': String(chosen), 'data-start': timeOf(s.start),
          onclick: () => { choose(s); renderSlots(); document.getElementById('booking-form-detaineeId')?.focus(); } },
        h('span', { class: 'slot-time' }, period(s.start, s.end)),
        h('span', { class: 'slot-free' }, free > 0 ? t('book.free', { count: free }) : t('book.full')));
      }))
      : h('p', { class: 'muted', id: 'availability-none' }, t('book.noSlots'));
    slotsBox.replaceChildren(...[heading, notice, grid].filter(Boolean));
    waitlistButton.hidden = !full;
  }

  // ---- 3. the booking form
  const b = 'booking-form';
  const choice = h('output', { id: `${b}-choice`, class: 'choice-text' });
  const waitlistButton = button(t('book.joinWaitlist'), () => joinWaitlist(), { id: 'waitlist-join', hidden: true });
  const form = makeForm({
    id: b, submitLabel: t('book.submit'), className: 'grid-form',
    children: [
      h('fieldset', { class: 'field chosen-slot', 'data-field': 'start', id: `${b}-start`, 'aria-describedby': `${b}-start-error` },
        h('legend', null, t('book.chosenSlot'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
        choice,
        h('p', { class: 'field-error', id: `${b}-start-error`, hidden: true })),
      field(b, { name: 'detaineeId', label: t('book.detaineeNo'), type: 'number', dataType: 'number', required: true,
        hint: t('book.detaineeNoHint'), attrs: { min: 1, step: 1, inputmode: 'numeric', autocomplete: 'off' } }),
      field(b, { name: 'caseId', label: t('book.caseNo'), type: 'number', dataType: 'number', required: true,
        hint: t('book.caseNoHint'), attrs: { min: 1, step: 1, inputmode: 'numeric', autocomplete: 'off' } }),
      field(b, { name: 'slots', label: t('book.length'), type: 'select', dataType: 'number', required: true, value: 1,
        options: [{ value: 1, label: t('book.oneSlot') }, { value: 2, label: t('book.twoSlots') }] }),
      h('fieldset', { class: 'letters' },
        h('legend', null, t('book.letters')),
        h('p', { class: 'hint', id: `${b}-letters-hint` }, t('book.lettersHint')),
        field(b, { name: 'authorisationLetter', label: t('book.authorisationLetter'), type: 'file',
          attrs: { accept: ACCEPT } }),
        field(b, { name: 'firmLetter', label: t('book.firmLetter'), type: 'file', attrs: { accept: ACCEPT } })),
    ],
    extraButtons: [waitlistButton],
    validate: (values, form) => [...slotErrors(values), ...letterErrors(form)],
    onSubmit: async (values, form) => {
      const documentIds = await uploadLetters(form);
      let booking;
      try {
        booking = await api.post('/bookings', { detaineeId: values.detaineeId, caseId: values.caseId,
          centreId: state.centreId, date: state.date, start: timeOf(state.slot.start), slots: values.slots, documentIds });
      } catch (error) {
        if (error instanceof ApiError && STALE_SLOTS.includes(error.problem.rule) && state.availability) {
          load(state, true);
        }
        throw error;
      }
      showDone(booking);
    },
  });
  choose(null);

  function choose(slot) {
    state.slot = slot;
    choice.textContent = slot ? `${formatDay(state.date, true)} ${period(slot.start, slot.end)}` : t('book.noSlotChosen');
    choice.classList.toggle('muted', !slot);
  }

  function slotErrors(values) {
    if (!state.slot) return [{ field: 'start', message: t('book.chooseSlot') }];
    if (values.slots === 2) {
      const next = state.availability.slots.find(s => s.start === state.slot.end);
      if (!next || freeOf(next) <= 0) return [{ field: 'slots', message: t('book.secondSlotNotFree') }];
    }
    return [];
  }

  function letterErrors(form) {
    const errors = [];
    for (const [name] of LETTERS) {
      const file = form.elements[name].files[0];
      if (!file) continue;
      if (file.size > MAX_BYTES) errors.push({ field: name, message: t('book.fileTooLarge') });
      else if (!/\.(pdf|jpe?g|png)$/i.test(file.name) && !/^(application\/pdf|image\/(jpeg|png))$/.test(file.type)) {
        errors.push({ field: name, message: t('book.fileType') });
      }
    }
    return errors;
  }

  // Uploaded letters by file, so that a refused booking can be sent again without uploading twice.
  const uploaded = new WeakMap();
  async function uploadLetters(form) {
    const ids = [];
    for (const [name, kind] of LETTERS) {
      const file = form.elements[name].files[0];
      if (!file) continue;
      if (!uploaded.has(file)) {
        try {
          const doc = await api.upload('/documents' + query({ kind, fileName: file.name }), file);
          uploaded.set(file, doc.id);
        } catch (error) {
          // The server names the field `content`: show it at this file.
          if (error instanceof ApiError && error.errors.length) {
            throw new ApiError(error.status, { ...error.problem,
              errors: error.errors.map(e => ({ ...e, field: e.field === 'content' || !e.field ? name : e.field })) });
          }
          throw error;
        }
      }
      ids.push(uploaded.get(file));
    }
    return ids;
  }

  async function joinWaitlist() {
    clearErrors(form);
    const detaineeId = Number(form.elements.detaineeId.value) || null;
    const caseId = Number(form.elements.caseId.value) || null;
    const missing = [!detaineeId && 'detaineeId', !caseId && 'caseId'].filter(Boolean);
    if (missing.length) {
      showErrors(form, missing.map(name => ({ field: name, message: t('validation.required') })), t('validation.summary'));
      return;
    }
    waitlistButton.disabled = true;
    try {
      const entry = await api.post('/waitlist', { detaineeId, caseId, centreId: state.centreId,
        detentionCentreId: state.detentionCentreId, date: state.date, slots: Number(form.elements.slots.value) || 1 });
      doneBox.replaceChildren(h('div', { class: 'notice done', id: 'waitlist-done', role: 'status', tabindex: '-1' },
        h('p', null, h('strong', null, t('book.waitlistDone', { date: formatDay(entry.date, true) }))),
        h('p', null, t('book.waitlistExplain')),
        h('p', null, h('a', { href: '#/portal/bookings', id: 'waitlist-done-mine' }, t('book.toMyBookings')))));
      doneBox.firstChild.focus();
    } catch (error) {
      showProblem(form, error);
    } finally {
      waitlistButton.disabled = false;
    }
  }

  function showDone(booking) {
    const again = button(t('book.again'), () => {
      doneBox.replaceChildren();
      form.reset();
      formPanel.hidden = false;
      choose(null);
      if (state.availability) load(state);
      centreSelect.focus();
    }, { id: 'booking-again' });
    doneBox.replaceChildren(h('div', { class: 'notice done', id: 'booking-done', role: 'status', tabindex: '-1' },
      h('p', null, h('strong', null, t('book.done', { reference: booking.reference }))),
      h('p', null, when(booking.start, booking.end), ' · ', centreById.get(booking.centreId)?.name ?? '', ' ',
        statusBadge(booking.status)),
      h('p', null, t(booking.status === 'PENDING_APPROVAL' ? 'book.donePending' : 'book.doneApproved')),
      h('p', { class: 'form-actions' }, h('a', { href: '#/portal/bookings', class: 'btn primary', id: 'booking-done-mine' },
        t('book.toMyBookings')), again)));
    formPanel.hidden = true;
    doneBox.firstChild.focus();
    if (state.availability) load(state);
  }

  const formPanel = panel(t('book.step3'), form);
  formPanel.id = 'booking-panel';
  container.replaceChildren(title,
    h('p', { class: 'muted' }, t('book.intro')),
    panel(t('book.step1'), chooser, quickDays),
    panel(t('book.step2'), slotsBox),
    doneBox,
    formPanel);
  if (centres.length === 1) {
    centreSelect.value = String(centres[0].id);
    centreSelect.dispatchEvent(new Event('change'));
  }
}
