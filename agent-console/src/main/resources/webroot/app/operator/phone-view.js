// The softphone's controls: registration state, incoming ring, answer, hang up, mute, hold, DTMF keypad, timer.

import { el, clear } from '../dom.js';
import * as phone from './softphone.js';

const REG = { off: 'spento', connecting: 'connessione…', registered: 'registrato', unregistered: 'non registrato',
  reconnecting: 'riconnessione…', refused: 'rifiutato' };
const CALL = { idle: 'libero', ringing: 'squilla', active: 'in conversazione' };

export function phoneCard() {
  const reg = el('span', { class: 'pill', id: 'sp-registration' });
  const call = el('span', { class: 'pill', id: 'sp-call' });
  const remote = el('span', { id: 'sp-remote', class: 'muted' });
  const timer = el('span', { id: 'sp-timer', class: 'timer' }, '');
  const error = el('p', { class: 'form-error', id: 'sp-error', role: 'alert' });
  const answer = el('button', { id: 'sp-answer', type: 'button', class: 'ok' }, 'Rispondi');
  const hangup = el('button', { id: 'sp-hangup', type: 'button', class: 'danger' }, 'Riaggancia');
  const mute = el('button', { id: 'sp-mute', type: 'button', class: 'secondary' }, 'Muto');
  const hold = el('button', { id: 'sp-hold', type: 'button', class: 'secondary' }, 'Attesa');
  const keypad = el('div', { class: 'keypad', id: 'sp-keypad', 'aria-label': 'Tastiera DTMF' },
    ...'123456789*0#'.split('').map((k) => el('button', { type: 'button', class: 'secondary', onclick: () => phone.dtmf(k) }, k)));
  let current = {};
  answer.addEventListener('click', () => phone.answer());
  hangup.addEventListener('click', () => phone.hangup());
  mute.addEventListener('click', () => phone.mute(!current.muted));
  hold.addEventListener('click', () => phone.hold(!current.held));
  const tick = setInterval(() => {
    if (!current.since) { timer.textContent = ''; return; }
    const s = Math.floor((Date.now() - current.since) / 1000);
    timer.textContent = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }, 500);
  const off = phone.onChange((s) => {
    current = s;
    reg.textContent = 'Telefono: ' + (REG[s.registration] || s.registration);
    reg.className = 'pill ' + (s.registration === 'registered' ? 'ok' : s.registration === 'off' ? '' : 'bad');
    call.textContent = CALL[s.call] || s.call;
    call.className = 'pill' + (s.call === 'ringing' ? ' ringing' : '');
    clear(remote).append(s.remote ? 'Da: ' + s.remote : '');
    error.textContent = s.error || '';
    answer.hidden = s.call !== 'ringing';
    hangup.disabled = s.call === 'idle';
    mute.disabled = hold.disabled = s.call !== 'active';
    keypad.hidden = s.call !== 'active';
    mute.textContent = s.muted ? 'Riattiva microfono' : 'Muto';
    hold.textContent = s.held ? 'Riprendi' : 'Attesa';
  });
  const card = el('section', { class: 'card phone', id: 'softphone', 'aria-label': 'Telefono' },
    el('h2', {}, 'Telefono'), el('div', { class: 'row' }, reg, call, timer), remote, error,
    el('div', { class: 'row' }, answer, hangup, mute, hold), keypad);
  return { card, dispose: () => { clearInterval(tick); off(); } };
}
