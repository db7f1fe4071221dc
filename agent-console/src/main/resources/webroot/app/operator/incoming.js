// The incoming-call screen, pushed by call.ringing the moment this operator is rung: line, language, escalation
// step and the caller's pseudonymous history (never a number). Notes are a local draft during the call and are
// saved to the call record when call.ended arrives (the record exists only then).

import { get, patch } from '../api.js';
import { el, clear, fmtDateTime } from '../dom.js';
import { LANGUAGES, OUTCOMES, STATUS, URGENCY, TERRITORY, label } from './labels.js';

const NOTES_KEY = 'hotline.notes.';

export function incomingCard(events, me, { onAnswered, onEnded }) {
  const body = el('div', { id: 'incoming-body' }, el('p', { class: 'muted' }, 'Nessuna chiamata in arrivo.'));
  const notes = el('textarea', { id: 'call-notes', name: 'notes', rows: 4, maxlength: 10000, disabled: true });
  const saved = el('p', { class: 'muted small', id: 'notes-state', role: 'status' });
  const card = el('section', { class: 'card incoming', id: 'incoming', 'aria-label': 'Chiamata' },
    el('h2', {}, 'Chiamata'), body, el('label', { for: 'call-notes' }, 'Note della chiamata'), notes, saved);
  let callId = null;

  notes.addEventListener('input', () => {
    if (callId) localStorage.setItem(NOTES_KEY + callId, notes.value);
    saved.textContent = 'Bozza: si salva alla fine della chiamata.';
  });

  async function ringing(e) {
    if (e.data.operatorId !== me.operatorId) return;
    callId = e.data.callId;
    card.classList.add('ringing');
    notes.disabled = false;
    notes.value = localStorage.getItem(NOTES_KEY + callId) || '';
    saved.textContent = '';
    const history = el('div', { id: 'caller-history' }, el('p', { class: 'muted' }, 'Storico del chiamante…'));
    clear(body).append(
      el('p', { class: 'big', id: 'incoming-title' }, 'Squilla: Numero Verde ', e.data.line || ''),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Lingua'), el('dd', { id: 'incoming-language' }, label(LANGUAGES, e.data.language) || 'non scelta'),
        el('dt', {}, 'Passo'), el('dd', { id: 'incoming-step' }, String(e.data.step ?? '')),
        el('dt', {}, 'Chiamata'), el('dd', { class: 'mono' }, e.data.callId)),
      history);
    const caller = e.data.caller;
    if (!caller || caller === 'withheld') {
      clear(history).append(el('p', {}, 'Numero nascosto: nessuno storico.'));
      return;
    }
    try {
      showHistory(history, await get(`/api/callers/${encodeURIComponent(caller)}/history`));
    } catch (err) {
      clear(history).append(el('p', { class: 'form-error' }, 'Storico non disponibile: ' + err.message));
    }
  }

  async function ended(e) {
    if (e.data.callId !== callId) return;
    card.classList.remove('ringing');
    const id = callId;
    const text = localStorage.getItem(NOTES_KEY + id) || notes.value;
    if (e.data.operatorId === me.operatorId && text) {
      try {
        await patch(`/api/calls/${encodeURIComponent(id)}`, { notes: text });
        localStorage.removeItem(NOTES_KEY + id);
        saved.textContent = 'Note salvate.';
      } catch (err) {
        saved.textContent = 'Note non salvate (' + err.message + '): restano in bozza.';
      }
    }
    onEnded(e, e.data.operatorId === me.operatorId);
  }

  const offs = [events.on('call.ringing', ringing), events.on('call.ended', ended),
    events.on('call.answered', (e) => {
      if (e.data.callId !== callId) return;
      card.classList.remove('ringing');
      clear(body.querySelector('#incoming-title') || body).append('In conversazione: Numero Verde');
      onAnswered(e);
    })];
  return { card, callId: () => callId, dispose: () => offs.forEach((off) => off()) };
}

function showHistory(container, h) {
  clear(container);
  const calls = h.calls || [];
  container.append(el('p', { id: 'history-summary' }, calls.length === 0 ? 'Prima chiamata di questo numero.'
    : `Ha chiamato ${calls.length} ${calls.length === 1 ? 'volta' : 'volte'} prima.`));
  if (calls.length) {
    container.append(el('ul', { class: 'history' }, ...calls.slice(0, 5).map((c) => el('li', {},
      fmtDateTime(c.startedAt), ' · ', label(OUTCOMES, c.outcome), c.language ? ' · ' + label(LANGUAGES, c.language) : ''))));
  }
  for (const t of h.openTickets || []) {
    container.append(el('p', { class: 'pill' }, `Ticket aperto ${t.ticketId.slice(-6)}: `,
      label(STATUS, t.status), ' · ', label(URGENCY, t.urgency), ' · ', label(TERRITORY, t.territory)));
  }
}
