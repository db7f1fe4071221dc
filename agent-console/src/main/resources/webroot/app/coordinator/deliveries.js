// Referral deliveries: each destination's state, URL and enabled switch, the outbox (pending, delivered, dead
// letters with their error), replay of one dead letter or of a destination's. Refreshed on delivery.* and
// destination.changed events; the retention line on retention.ran.
import { get, post } from '../api.js';
import { el, clear, fmtDateTime } from '../dom.js';
import { table, query, errorLine } from './common.js';
import { retentionLine } from './retention.js';
import { showDestinations } from './destinations.js';

export function renderDeliveries(container, ctx) {
  const state = el('select', { id: 'delivery-state', name: 'state' },
    ['', 'PENDING', 'DEAD', 'DELIVERED'].map((v) => el('option', { value: v }, v || 'tutti')));
  const message = el('p', { id: 'delivery-message', role: 'status' }, '');
  const [retention, offRetention] = retentionLine(ctx);
  const head = el('div', { class: 'card' }, el('h1', {}, 'Consegne'),
    el('div', { class: 'row' }, el('label', { for: 'delivery-state' }, 'Stato'), state), message, retention);
  const destinations = el('div', { class: 'card', id: 'delivery-destinations' });
  const entries = el('div', { class: 'card', id: 'delivery-entries' });
  container.append(head, destinations, entries);
  const notes = new Map();

  async function replay(body, label) {
    try {
      const r = await post('/api/deliveries/replay', body);
      message.textContent = `${label}: ${r.replayed} rimesse in coda.`;
      setTimeout(load, 500);
    } catch (err) {
      message.textContent = errorLine(err);
    }
  }

  let latest = 0;
  async function load() {
    const mine = ++latest;
    let d;
    let list;
    try {
      [d, list] = await Promise.all([get('/api/deliveries' + query({ state: state.value, limit: 100 })),
        get('/api/destinations')]);
    } catch (err) {
      message.textContent = errorLine(err);
      return;
    }
    if (mine !== latest) return; // a newer load (another filter, an event) answers instead
    showDestinations(destinations, list.destinations, d.depth, { onSaved: load, replay, notes });
    clear(entries).append(el('h2', {}, 'Invii'), table(['Creato', 'Destinazione', 'Segnalazione', 'Stato', 'Tentativi', 'Errore', ''],
      d.entries.map((e) => el('tr', { dataset: { entryId: e.id } }, el('td', {}, fmtDateTime(e.createdAt)), el('td', {}, e.destination),
        el('td', {}, e.ticketId), el('td', {}, el('span', { class: 'pill state-' + e.state }, e.state)),
        el('td', { class: 'num' }, e.attempts), el('td', {}, e.lastError || ''),
        el('td', {}, e.state === 'DEAD' ? el('button', { type: 'button', class: 'replay', onclick: () => replay({ id: e.id }, e.id) }, 'Rinvia') : ''))),
      { id: 'delivery-table' }));
  }
  state.addEventListener('change', load);
  load();
  const offs = ['delivery.succeeded', 'delivery.dead', 'destination.changed'].map((t) => ctx.events.on(t, () => load()));
  return () => [...offs, offRetention].forEach((off) => off());
}
