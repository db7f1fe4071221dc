// Helpers shared by the coordinator's views: the hash's query, durations, periods, tables, field errors.
import { el } from '../dom.js';

export function hashParams() {
  return new URLSearchParams(location.hash.split('?')[1] || '');
}

export function seconds(n) {
  if (n === null || n === undefined) return '—';
  const m = Math.floor(n / 60);
  const s = n % 60;
  return m ? `${m} min ${s} s` : `${s} s`;
}

export function percent(x) {
  return (x * 100).toFixed(1).replace('.', ',') + ' %';
}

/** A local date input's value (yyyy-mm-dd) as the instant of that local midnight. */
export function dayStart(value) {
  return value ? new Date(value + 'T00:00:00').toISOString() : undefined;
}

export function isoDay(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 10);
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

export function table(headers, rows, attrs = {}) {
  return el('table', attrs,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows));
}

/** A label and an input wrapped as a field, so field errors land under it. */
export function field(label, input) {
  return el('div', { class: 'field' }, el('label', { for: input.id }, label), input);
}

export function errorLine(err) {
  return err?.message || String(err);
}

/** A two-column table of name → number. */
export function countsTable(caption, counts, id) {
  const rows = Object.entries(counts || {}).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', { class: 'num' }, v)));
  return el('div', { class: 'card' }, el('h2', {}, caption), table(['', 'n.'], rows, { id }));
}
