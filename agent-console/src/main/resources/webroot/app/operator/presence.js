// Presence: available / away, and after a call wrap-up until the operator says "ready" (the roster rings only
// AVAILABLE operators).

import { get, put } from '../api.js';
import { el } from '../dom.js';

const NAMES = { AVAILABLE: 'disponibile', AWAY: 'assente', WRAP_UP: 'chiusura chiamata', ON_CALL: 'in chiamata' };

export function presenceCard(events, me) {
  const state = el('strong', { id: 'presence-state' }, '…');
  const error = el('p', { class: 'form-error', role: 'alert', id: 'presence-error' });
  const available = el('button', { type: 'button', id: 'go-available' }, 'Disponibile');
  const away = el('button', { type: 'button', id: 'go-away', class: 'secondary' }, 'Assente');
  const ready = el('button', { type: 'button', id: 'ready', hidden: true }, 'Pronto per la prossima chiamata');
  const show = (s) => {
    state.textContent = NAMES[s] || s;
    state.className = 'presence ' + String(s).toLowerCase();
    available.hidden = s === 'WRAP_UP';
    ready.hidden = s !== 'WRAP_UP';
    available.disabled = s === 'AVAILABLE';
    away.disabled = s === 'AWAY';
  };
  async function set(s) {
    error.textContent = '';
    try { show((await put('/api/me/presence', { state: s })).state); } catch (e) { error.textContent = e.message; }
  }
  available.addEventListener('click', () => set('AVAILABLE'));
  away.addEventListener('click', () => set('AWAY'));
  ready.addEventListener('click', () => set('AVAILABLE'));
  get('/api/me/presence').then((p) => show(p.state)).catch((e) => { error.textContent = e.message; });
  const off = events.on('presence.changed', (e) => { if (e.data.operatorId === me.operatorId) show(e.data.state); });
  const card = el('section', { class: 'card', 'aria-label': 'Presenza' },
    el('h2', {}, 'Presenza'), el('p', {}, 'Stato: ', state), el('div', { class: 'row' }, available, ready, away), error);
  return { card, wrapUp: () => set('WRAP_UP'), dispose: off };
}
