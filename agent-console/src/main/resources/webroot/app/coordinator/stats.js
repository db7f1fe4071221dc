// Statistics of a period: the figures as numbers (ids for tests) and as Chart.js charts, plus the hour-of-week heat map.
import { get } from '../api.js';
import { el, clear, showFieldErrors } from '../dom.js';
import { seconds, percent, dayStart, isoDay, query, table, field, countsTable, errorLine } from './common.js';
import { loadChart } from './chart.js';

const DAYS = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'];

function figure(id, label, value) {
  return el('div', { class: 'figure' }, el('div', { class: 'figure-value', id }, value), el('div', { class: 'muted' }, label));
}

function heatMap(grid) {
  const max = Math.max(1, ...grid.flat());
  const head = el('tr', {}, el('th', {}, ''), [...Array(24).keys()].map((h) => el('th', { scope: 'col' }, String(h))));
  const rows = grid.map((row, d) => el('tr', {}, el('th', { scope: 'row' }, DAYS[d]),
    row.map((n) => el('td', { class: 'heat heat-' + Math.ceil((n / max) * 5), title: String(n) }, n ? String(n) : ''))));
  return el('table', { class: 'heatmap', id: 'heatmap' }, el('thead', {}, head), el('tbody', {}, rows));
}

function chartCard(title, id) {
  const canvas = el('canvas', { id, height: 220 });
  return [el('div', { class: 'card chart' }, el('h2', {}, title), canvas), canvas];
}

export function renderStats(container) {
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 30 * 86400000);
  const form = el('form', { class: 'card filters', id: 'stats-form', novalidate: true }, el('h1', {}, 'Statistiche'),
    el('div', { class: 'filter-grid' },
      field('Dal', el('input', { id: 'stats-from', name: 'from', type: 'date', value: isoDay(monthAgo) })),
      field('Al (escluso)', el('input', { id: 'stats-to', name: 'to', type: 'date', value: isoDay(new Date(today.getTime() + 86400000)) }))),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Calcola'),
      el('span', { class: 'form-error', id: 'stats-error', role: 'alert' })));
  const out = el('div', { id: 'stats-out' });
  container.append(form, out);
  let charts = [];

  async function load() {
    showFieldErrors(form, {});
    form.querySelector('#stats-error').textContent = '';
    const d = Object.fromEntries(new FormData(form));
    let s;
    try {
      s = await get('/api/stats' + query({ from: dayStart(d.from), to: dayStart(d.to) }));
    } catch (err) {
      if (!showFieldErrors(form, err.fields)) form.querySelector('#stats-error').textContent = errorLine(err);
      return;
    }
    charts.forEach((c) => c.destroy());
    charts = [];
    clear(out);
    out.append(el('div', { class: 'card figures' },
      figure('stat-calls', 'chiamate', String(s.calls)),
      figure('stat-answered', 'risposte', String(s.answered)),
      figure('stat-answer-rate', 'tasso di risposta', percent(s.answerRate)),
      figure('stat-tta-median', 'attesa mediana prima della risposta', seconds(s.timeToAnswer.median)),
      figure('stat-tta-p90', 'attesa al 90° percentile', seconds(s.timeToAnswer.p90)),
      figure('stat-abandoned', 'abbandonate', String(s.abandoned.count)),
      figure('stat-abandoned-wait', 'attesa mediana delle abbandonate', seconds(s.abandoned.medianWait)),
      figure('stat-tickets', 'segnalazioni', String(s.tickets))));
    const [dayCard, dayCanvas] = chartCard('Chiamate al giorno', 'chart-days');
    const [outcomeCard, outcomeCanvas] = chartCard('Esiti', 'chart-outcomes');
    const [langCard, langCanvas] = chartCard('Lingue', 'chart-languages');
    out.append(dayCard, el('div', { class: 'card' }, el('h2', {}, 'Chiamate per ora della settimana'), heatMap(s.perWeekHour)),
      el('div', { class: 'grid' }, outcomeCard, langCard),
      el('div', { class: 'grid' }, countsTable('Per esito', s.byOutcome, 'stats-outcomes'),
        countsTable('Per lingua', s.byLanguage, 'stats-languages'), countsTable('Per territorio', s.byTerritory, 'stats-territories'),
        countsTable('Abbandonate per attesa', s.abandoned.waits, 'stats-abandoned-waits'),
        countsTable('Segnalazioni per canale', s.byAccessChannel, 'stats-channels')),
      el('div', { class: 'card' }, el('h2', {}, 'Consegne per destinazione'), table(['Destinazione', 'Esito', 'n.'],
        Object.entries(s.deliveries).flatMap(([dest, states]) => Object.entries(states).map(([st, n]) =>
          el('tr', {}, el('td', {}, dest), el('td', {}, st), el('td', { class: 'num' }, n)))), { id: 'stats-deliveries' })),
      el('div', { class: 'card' }, el('h2', {}, 'Operatori'), table(['Operatore', 'Risposte', 'Conversazione'],
        Object.entries(s.operators).map(([op, f]) => el('tr', {}, el('td', {}, op), el('td', { class: 'num' }, f.answered),
          el('td', { class: 'num' }, seconds(f.talkSeconds)))), { id: 'stats-operators' })));
    try {
      const Chart = await loadChart();
      const opts = { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } };
      charts.push(new Chart(dayCanvas, { type: 'bar', options: opts,
        data: { labels: s.perDay.map((p) => p.day), datasets: [{ data: s.perDay.map((p) => p.calls), backgroundColor: '#0b5cad' }] } }));
      charts.push(new Chart(outcomeCanvas, { type: 'bar', options: opts,
        data: { labels: Object.keys(s.byOutcome), datasets: [{ data: Object.values(s.byOutcome), backgroundColor: '#1f7a3d' }] } }));
      charts.push(new Chart(langCanvas, { type: 'bar', options: opts,
        data: { labels: Object.keys(s.byLanguage), datasets: [{ data: Object.values(s.byLanguage), backgroundColor: '#a15c00' }] } }));
    } catch (err) {
      form.querySelector('#stats-error').textContent = errorLine(err);
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  load();
  return () => charts.forEach((c) => c.destroy());
}
