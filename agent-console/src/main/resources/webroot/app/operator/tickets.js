// The operator's recent tickets with the delivery state per destination, refreshed while the view is open, and
// the consented callback (two steps: the operator is first reminded that a call may endanger the caller).

import { get, post } from '../api.js';
import { el, clear, fmtDateTime } from '../dom.js';
import { DELIVERY, STATUS, URGENCY, TERRITORY, label } from './labels.js';

const REFRESH_MS = 3000;

export function ticketList(showBanner) {
  const body = el('tbody', { id: 'ticket-rows' });
  const error = el('p', { class: 'form-error', role: 'alert', id: 'tickets-error' });
  const table = el('table', { id: 'my-tickets' }, el('thead', {}, el('tr', {},
    el('th', {}, 'Aperto'), el('th', {}, 'Urgenza'), el('th', {}, 'Territorio'), el('th', {}, 'Stato'),
    el('th', {}, 'Consegna'), el('th', {}, ''))), body);
  async function refresh() {
    try {
      const { items } = await get('/api/tickets');
      if (error.textContent) showBanner('');
      error.textContent = '';
      clear(body).append(...items.map(row));
      if (!items.length) body.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'Nessun ticket recente.')));
    } catch (e) {
      error.textContent = 'Elenco non aggiornato: ' + e.message;
      if (e.code === 'STORE_UNAVAILABLE') showBanner('Archivio non raggiungibile: i dati non si salvano. Le bozze restano in questo browser.', 'bad');
    }
  }
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return {
    card: el('section', { class: 'card', 'aria-label': 'I miei ticket' }, el('h2', {}, 'I miei ticket'),
      el('div', { class: 'scroll' }, table), error),
    refresh, dispose: () => clearInterval(timer),
  };
}

function row(t) {
  const deliveries = Object.entries(t.deliveries || {});
  return el('tr', { dataset: { ticket: t.id } },
    el('td', {}, fmtDateTime(t.createdAt), el('div', { class: 'muted small mono' }, t.id.slice(-8))),
    el('td', {}, label(URGENCY, t.urgency)), el('td', {}, label(TERRITORY, t.territory)),
    el('td', {}, label(STATUS, t.status)),
    el('td', { class: 'deliveries' }, deliveries.length ? deliveries.map(([dest, state]) =>
      el('span', { class: 'pill delivery ' + state.toLowerCase(), dataset: { destination: dest, state } },
        `${dest}: ${label(DELIVERY, state)}`)) : el('span', { class: 'muted' }, 'nessun invio')),
    el('td', {}, detailsButton(t), t.callbackPossible ? callbackButton(t) : null));
}

function detailsButton(t) {
  const button = el('button', { type: 'button', class: 'secondary small', dataset: { details: t.id } }, 'Dettagli');
  button.addEventListener('click', async () => {
    const tr = button.closest('tr');
    if (tr.nextElementSibling?.classList.contains('details')) { tr.nextElementSibling.remove(); return; }
    const cell = el('td', { colspan: 6 }, 'Caricamento…');
    tr.after(el('tr', { class: 'details' }, cell));
    try {
      const full = await get(`/api/tickets/${encodeURIComponent(t.id)}`);
      clear(cell).append(
        el('p', { class: 'summary-text' }, full.summary),
        el('ul', { class: 'history' }, ...full.history.map((h) =>
          el('li', {}, fmtDateTime(h.at), ' · ', h.by, ' · ', h.action, h.detail ? ': ' + h.detail : ''))));
    } catch (e) {
      clear(cell).append(el('span', { class: 'form-error' }, e.message));
    }
  });
  return button;
}

function callbackButton(t) {
  const box = el('div', { class: 'callback' });
  const start = el('button', { type: 'button', class: 'secondary' }, 'Richiama');
  start.addEventListener('click', () => {
    clear(box).append(
      el('p', { class: 'warn-text' }, 'Il telefono del chiamante potrebbe essere controllato da chi lo sfrutta. ',
        'Richiama solo se ha dato il consenso. Squillerà prima il tuo telefono.'),
      confirm(t, box));
  });
  box.append(start);
  return box;
}

function confirm(t, box) {
  const yes = el('button', { type: 'button', class: 'danger' }, 'Conferma richiamata');
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await post(`/api/tickets/${encodeURIComponent(t.id)}/callback`);
      clear(box).append(el('span', { class: 'pill' }, 'Squilla il tuo telefono…'));
    } catch (e) {
      clear(box).append(el('span', { class: 'form-error' }, e.message));
    }
  });
  return yes;
}
