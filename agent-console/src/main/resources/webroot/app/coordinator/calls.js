// The call log (filters, keyset paging, live calls) and one call's page with its timeline.
import { get } from '../api.js';
import { el, fmtDateTime, showFieldErrors } from '../dom.js';
import { hashParams, seconds, dayStart, query, table, field, errorLine } from './common.js';

const OUTCOMES = ['', 'ANSWERED', 'ABANDONED', 'FALLBACK', 'VOICEMAIL', 'FAILED'];
const TERRITORIES = ['', 'ASL1', 'ASL2', 'ASL3', 'ASL4', 'ASL5', 'OUTSIDE_LIGURIA', 'UNKNOWN'];

function select(id, values, labels = {}) {
  return el('select', { id, name: id }, values.map((v) => el('option', { value: v }, labels[v] || v || 'tutti')));
}

function summaryRow(c) {
  return el('tr', { dataset: { callId: c.callId } },
    el('td', {}, el('a', { href: '#/calls?id=' + encodeURIComponent(c.callId) }, fmtDateTime(c.startedAt))),
    el('td', {}, el('span', { class: 'pill outcome-' + c.outcome }, c.outcome)),
    el('td', {}, c.language || '—'), el('td', {}, c.answeredBy || '—'), el('td', {}, c.territory || '—'),
    el('td', { class: 'num' }, seconds(c.waitSeconds)), el('td', { class: 'num' }, seconds(c.talkSeconds)),
    el('td', {}, (c.ticketIds || []).length ? String(c.ticketIds.length) : ''));
}

function liveRow(data, state) {
  return el('tr', { class: 'live', dataset: { callId: data.callId } },
    el('td', {}, 'adesso'), el('td', {}, el('span', { class: 'pill live-pill' }, state)),
    el('td', {}, data.language || '—'), el('td', {}, data.operatorId || '—'), el('td', {}, ''),
    el('td', {}, ''), el('td', {}, ''), el('td', {}, ''));
}

export function renderCalls(container, ctx) {
  const id = hashParams().get('id');
  if (id) return renderCall(container, id);
  const form = el('form', { class: 'card filters', id: 'call-filters', novalidate: true },
    el('h1', {}, 'Registro chiamate'),
    el('div', { class: 'filter-grid' },
      field('Dal', el('input', { id: 'from', name: 'from', type: 'date' })),
      field('Al (escluso)', el('input', { id: 'to', name: 'to', type: 'date' })),
      field('Esito', select('outcome', OUTCOMES)),
      field('Operatore', el('input', { id: 'operator', name: 'operator', placeholder: 'op-anna' })),
      field('Lingua', el('input', { id: 'language', name: 'language', placeholder: 'it, en, ar…' })),
      field('Territorio', select('territory', TERRITORIES)),
      field('Segnalazione', select('hasTicket', ['', 'true', 'false'], { '': 'tutte', true: 'con', false: 'senza' }))),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Filtra'),
      el('span', { class: 'form-error', id: 'calls-error', role: 'alert' })));
  const body = el('tbody', { id: 'calls-body' });
  const more = el('button', { type: 'button', class: 'secondary', id: 'calls-more', hidden: true }, 'Altre chiamate');
  const list = el('div', { class: 'card' },
    el('table', { id: 'calls-table' }, el('thead', {}, el('tr', {},
      ['Inizio', 'Esito', 'Lingua', 'Operatore', 'Territorio', 'Attesa', 'Conversazione', 'Segnal.']
        .map((h) => el('th', { scope: 'col' }, h)))), body), more);
  container.append(form, list);
  let next = null;
  let filters = {};

  async function load(append) {
    form.querySelector('#calls-error').textContent = '';
    showFieldErrors(form, {});
    try {
      const page = await get('/api/calls' + query({ ...filters, after: append ? next : undefined }));
      if (!append) body.querySelectorAll('tr:not(.live)').forEach((r) => r.remove());
      page.items.forEach((c) => body.append(summaryRow(c)));
      next = page.next;
      more.hidden = !next;
      if (!append && !page.items.length) body.append(el('tr', { class: 'empty' }, el('td', { colspan: 8 }, 'Nessuna chiamata.')));
    } catch (err) {
      if (!showFieldErrors(form, err.fields)) form.querySelector('#calls-error').textContent = errorLine(err);
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = Object.fromEntries(new FormData(form));
    filters = { from: dayStart(d.from), to: dayStart(d.to), outcome: d.outcome, operator: d.operator.trim(),
      language: d.language.trim(), territory: d.territory, hasTicket: d.hasTicket };
    load(false);
  });
  more.addEventListener('click', () => load(true));
  load(false);

  // what the events of each call in progress said so far: call.answered does not repeat the language
  const inProgress = new Map();
  const upsertLive = (state) => (e) => {
    const data = { ...inProgress.get(e.data.callId), ...e.data };
    inProgress.set(e.data.callId, data);
    const old = body.querySelector(`tr[data-call-id="${CSS.escape(e.data.callId)}"]`);
    const row = liveRow(data, state);
    if (old) old.replaceWith(row); else body.prepend(row);
  };
  const offs = [
    ctx.events.on('call.ringing', upsertLive('squilla')),
    ctx.events.on('call.answered', upsertLive('in corso')),
    ctx.events.on('call.ended', async (e) => {
      inProgress.delete(e.data.callId);
      const old = body.querySelector(`tr[data-call-id="${CSS.escape(e.data.callId)}"]`);
      try {
        const record = await get('/api/calls/' + encodeURIComponent(e.data.callId));
        const row = summaryRow(record);
        if (old) old.replaceWith(row); else body.prepend(row);
      } catch { old?.remove(); }
    }),
  ];
  return () => offs.forEach((off) => off());
}

function timelineItem(at, what, detail) {
  return el('li', {}, el('time', { datetime: at || '' }, at ? new Date(at).toLocaleTimeString('it-IT') : ''),
    ' ', el('strong', {}, what), detail ? el('span', { class: 'muted' }, ' — ', detail) : null);
}

async function renderCall(container, id) {
  const card = el('div', { class: 'card', id: 'call-page' }, el('p', {}, el('a', { href: '#/calls' }, '← Registro')));
  container.append(card);
  let c;
  try {
    c = await get('/api/calls/' + encodeURIComponent(id));
  } catch (err) {
    card.append(el('p', { class: 'form-error' }, errorLine(err)));
    return null;
  }
  const items = [timelineItem(c.startedAt, 'Arrivo sulla linea ' + c.line,
    c.callerWithheld ? 'numero nascosto' : (c.callerPseudonym ? 'chiamante ' + c.callerPseudonym.slice(0, 10) + '…' : ''))];
  if (c.language) items.push(timelineItem(null, 'Lingua scelta', c.language));
  for (const a of c.attempts || []) {
    items.push(timelineItem(a.startedAt, `Squillo passo ${a.step}: ${a.operatorId}`,
      `${a.endpoint}, ${seconds(a.ringSeconds)}, ${a.result}`));
  }
  if (c.answeredAt) items.push(timelineItem(c.answeredAt, 'Risposta', (c.answeredBy || '') + ' dopo ' + seconds(c.waitSeconds)));
  if (c.outcome === 'FALLBACK' || c.outcome === 'VOICEMAIL') items.push(timelineItem(null, 'Inoltro', c.outcome === 'FALLBACK' ? 'numero nazionale' : 'segreteria'));
  items.push(timelineItem(c.endedAt, 'Fine chiamata', `${c.outcome}, causa: ${c.hangupCause}`));
  card.append(el('h1', {}, 'Chiamata ' + c.callId),
    el('p', {}, el('span', { class: 'pill outcome-' + c.outcome }, c.outcome), ' ', c.territory || '',
      ' · attesa ', seconds(c.waitSeconds), ' · conversazione ', seconds(c.talkSeconds)),
    el('h2', {}, 'Cronologia'), el('ol', { class: 'timeline', id: 'timeline' }, items),
    el('h2', {}, 'Note'), el('p', { class: 'notes' }, c.notes || '—'));
  const tickets = el('div', { id: 'call-tickets' }, el('h2', {}, 'Segnalazioni'));
  card.append(tickets);
  if (!(c.ticketIds || []).length) tickets.append(el('p', { class: 'muted' }, 'Nessuna segnalazione.'));
  for (const tid of c.ticketIds || []) {
    const box = el('div', { class: 'ticket' }, el('strong', {}, tid));
    tickets.append(box);
    try {
      const d = await get('/api/deliveries?ticket=' + encodeURIComponent(tid));
      box.append(table(['Destinazione', 'Stato', 'Tentativi', 'Ultimo errore'],
        d.entries.map((e) => el('tr', {}, el('td', {}, e.destination), el('td', {}, e.state),
          el('td', { class: 'num' }, e.attempts), el('td', {}, e.lastError || '')))));
    } catch {
      box.append(' ', el('span', { class: 'muted' }, '(dettaglio non disponibile)'));
    }
  }
  return null;
}
