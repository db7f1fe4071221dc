// The referral ticket form: the fields of the ticket model, messages next to the fields from the 400's `fields`,
// and a draft kept in localStorage while it is being written (so a dropped connection loses nothing), cleared
// once the ticket is filed.

import { post, ApiError } from '../api.js';
import { el, showFieldErrors } from '../dom.js';
import { ACCESS_CHANNELS, EXPLOITATION, NEEDS, URGENCY, TERRITORY } from './labels.js';

const DRAFT = 'hotline.ticketDraft';
const TERRITORIES = ['ASL1', 'ASL2', 'ASL3', 'ASL4', 'ASL5', 'OUTSIDE_LIGURIA'];

const field = (name, label, control, hint) => el('div', { class: 'field', dataset: { name } },
  el('label', { for: 'tf-' + name }, label), control, hint ? el('div', { class: 'muted small' }, hint) : null);
const select = (name, options, empty = '—') => el('select', { id: 'tf-' + name, name },
  el('option', { value: '' }, empty), ...Object.entries(options).map(([v, t]) => el('option', { value: v }, t)));
const checks = (name, options) => el('fieldset', { class: 'field checks', dataset: { name } },
  el('legend', {}, name === 'needs' ? 'Bisogni' : 'Sfruttamento'),
  ...Object.entries(options).map(([v, t]) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', name, value: v }), ' ', t)));

export function ticketForm({ onFiled }) {
  const territory = Object.fromEntries(TERRITORIES.map((t) => [t, TERRITORY[t]]));
  const message = el('p', { class: 'form-error', id: 'ticket-error', role: 'alert' });
  const done = el('p', { class: 'ok-text', id: 'ticket-done', role: 'status' });
  const form = el('form', { id: 'ticket-form', novalidate: true },
    el('div', { class: 'grid tight' },
      field('accessChannel', 'Canale di accesso', select('accessChannel', ACCESS_CHANNELS)),
      field('urgency', 'Urgenza', select('urgency', URGENCY)),
      field('territory', 'Territorio', select('territory', territory))),
    checks('exploitation', EXPLOITATION),
    checks('needs', NEEDS),
    el('fieldset', { class: 'person' }, el('legend', {}, 'Persona'),
      el('div', { class: 'grid tight' },
        field('person.gender', 'Genere', select('person.gender', { F: 'donna', M: 'uomo', X: 'altro' }, 'non noto')),
        field('person.ageBand', 'Fascia d’età', el('input', { id: 'tf-person.ageBand', name: 'person.ageBand', placeholder: '18-25' })),
        field('person.nationality', 'Nazionalità (ISO)', el('input', { id: 'tf-person.nationality', name: 'person.nationality', placeholder: 'NG', maxlength: 2 })),
        field('person.languages', 'Lingue (codici)', el('input', { id: 'tf-person.languages', name: 'person.languages', placeholder: 'en, fr' }))),
      el('label', { class: 'check field', dataset: { name: 'person.minor' } },
        el('input', { type: 'checkbox', name: 'person.minor', id: 'tf-person.minor' }), ' Minore (o forse minore)'),
      field('person.name', 'Nome (solo con consenso)', el('input', { id: 'tf-person.name', name: 'person.name', autocomplete: 'off' }))),
    el('label', { class: 'check field', dataset: { name: 'consent' } },
      el('input', { type: 'checkbox', name: 'consent', id: 'tf-consent' }), ' La persona acconsente all’invio della segnalazione'),
    field('summary', 'Sintesi', el('textarea', { id: 'tf-summary', name: 'summary', rows: 4, maxlength: 4000 })),
    field('callId', 'Chiamata collegata', el('input', { id: 'tf-callId', name: 'callId', readonly: true })),
    message, done,
    el('div', { class: 'row' }, el('button', { type: 'submit', id: 'ticket-submit' }, 'Invia segnalazione'),
      el('button', { type: 'reset', class: 'secondary' }, 'Svuota')));

  restore(form);
  form.addEventListener('input', () => saveDraft(form));
  form.addEventListener('reset', () => { localStorage.removeItem(DRAFT); showFieldErrors(form, {}); message.textContent = ''; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = done.textContent = '';
    showFieldErrors(form, {});
    const submit = form.querySelector('#ticket-submit');
    submit.disabled = true;
    try {
      const ticket = await post('/api/tickets', toBody(form));
      localStorage.removeItem(DRAFT);
      form.reset();
      done.textContent = `Segnalazione ${ticket.id} registrata.`;
      onFiled(ticket);
    } catch (err) {
      saveDraft(form);
      if (err instanceof ApiError && showFieldErrors(form, err.fields)) message.textContent = 'Controlla i campi segnalati.';
      else message.textContent = err.message + (err.code === 'OFFLINE' ? ' La bozza è conservata in questo browser.' : '');
    } finally {
      submit.disabled = false;
    }
  });
  return {
    card: el('section', { class: 'card', 'aria-label': 'Segnalazione' }, el('h2', {}, 'Segnalazione (ticket)'), form),
    setCall(id) { const input = form.querySelector('[name="callId"]'); input.value = id || ''; saveDraft(form); },
  };
}

function toBody(form) {
  const data = new FormData(form);
  const text = (name) => (data.get(name) || '').toString().trim();
  const optional = (name) => text(name) || undefined;
  const person = {
    gender: optional('person.gender'), ageBand: optional('person.ageBand'),
    nationality: optional('person.nationality')?.toUpperCase(), minor: data.has('person.minor'),
    languages: text('person.languages').split(/[\s,]+/).filter(Boolean).map((l) => l.toLowerCase()),
    name: optional('person.name'),
  };
  return {
    accessChannel: optional('accessChannel'), urgency: optional('urgency'), territory: optional('territory'),
    exploitation: data.getAll('exploitation'), needs: data.getAll('needs'), person,
    consent: data.has('consent'), summary: text('summary'), callId: optional('callId'),
  };
}

function saveDraft(form) {
  const values = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    if (input.type === 'checkbox') { if (input.checked) (values[input.name] ||= []).push(input.value); }
    else values[input.name] = input.value;
  }
  localStorage.setItem(DRAFT, JSON.stringify(values));
}

function restore(form) {
  let values;
  try { values = JSON.parse(localStorage.getItem(DRAFT)); } catch { values = null; }
  if (!values) return;
  for (const input of form.elements) {
    if (!input.name || !(input.name in values)) continue;
    if (input.type === 'checkbox') input.checked = [].concat(values[input.name]).includes(input.value);
    else input.value = values[input.name];
  }
}
