// The softphone's settings (WebSocket address, SIP user and password, optional SIP domain), kept in this browser's
// localStorage under one key. Never the console password: that is asked at login and kept nowhere.

import { el } from '../dom.js';

const KEY = 'hotline.softphone';

export function load() {
  try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch { return {}; }
}

function save(values) {
  localStorage.setItem(KEY, JSON.stringify(values));
}

/** A collapsible form; calls onSave(settings) when the operator saves. */
export function settingsForm(onSave) {
  const current = load();
  const input = (name, label, attrs = {}) => [
    el('label', { for: 'sp-' + name }, label),
    el('input', { id: 'sp-' + name, name, value: current[name] || '', autocomplete: 'off', ...attrs }),
  ];
  const form = el('form', { class: 'settings', id: 'softphone-settings' },
    ...input('server', 'Indirizzo WebSocket del centralino', { placeholder: 'wss://centralino.example:8089/ws' }),
    ...input('user', 'Utente SIP', { placeholder: 'op-anna' }),
    ...input('password', 'Password SIP', { type: 'password', autocomplete: 'new-password' }),
    ...input('domain', 'Dominio SIP (facoltativo)'),
    el('p', { class: 'muted small' }, 'Salvate solo in questo browser. Non è la password della console.'),
    el('button', { type: 'submit' }, 'Salva e collega'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    save(values);
    onSave(values);
  });
  return el('details', { class: 'card', open: current.server ? undefined : true },
    el('summary', {}, 'Impostazioni del telefono'), form);
}
