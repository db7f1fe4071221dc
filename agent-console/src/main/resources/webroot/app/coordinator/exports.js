// Exports of a period: links that download calls, tickets and the anonymised SIRIT dataset as CSV or JSON.
import { el, clear } from '../dom.js';
import { dayStart, isoDay, query, field } from './common.js';

export function renderExports(container) {
  const today = new Date();
  const from = el('input', { id: 'export-from', name: 'from', type: 'date', value: isoDay(new Date(today.getTime() - 30 * 86400000)) });
  const to = el('input', { id: 'export-to', name: 'to', type: 'date', value: isoDay(new Date(today.getTime() + 86400000)) });
  const links = el('div', { class: 'export-links', id: 'export-links' });
  const card = el('div', { class: 'card' }, el('h1', {}, 'Esportazioni'),
    el('p', { class: 'muted' }, 'Al massimo un anno per volta. Il dataset SIRIT è anonimo: solo conteggi mensili, quelli sotto la soglia sono soppressi.'),
    el('div', { class: 'filter-grid' }, field('Dal', from), field('Al (escluso)', to)), links);
  container.append(card);

  function update() {
    const q = query({ from: dayStart(from.value), to: dayStart(to.value) });
    clear(links);
    for (const [name, label] of [['calls', 'Chiamate'], ['tickets', 'Segnalazioni'], ['sirit', 'Dataset SIRIT (anonimo)']]) {
      links.append(el('div', { class: 'row' }, el('strong', {}, label),
        ['csv', 'json'].map((fmt) => el('a', { class: 'button-link', id: `export-${name}-${fmt}`,
          href: `/api/export/${name}.${fmt}${q}`, download: `${name}.${fmt}` }, fmt.toUpperCase()))));
    }
  }
  for (const input of [from, to]) for (const type of ['input', 'change']) input.addEventListener(type, update);
  update();
  return null;
}
