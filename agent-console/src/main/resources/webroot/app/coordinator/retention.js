// One line on the retention job for the coordinator: period, last run (time and counts, never content), next run;
// read again when the job announces a run (retention.ran).
import { get } from '../api.js';
import { el, fmtDateTime } from '../dom.js';
import { errorLine } from './common.js';

export function describeRetention(r) {
  const last = r.lastRun
    ? `ultima esecuzione ${fmtDateTime(r.lastRun.at)} (anonimizzate ${r.lastRun.calls} chiamate e ${r.lastRun.tickets} segnalazioni, cancellati ${r.lastRun.callbackNumbers} numeri da richiamare)`
    : 'non ancora eseguita';
  return `Conservazione dati (${r.periodDays} giorni): ${last} · prossima ${fmtDateTime(r.nextRun)}`;
}

// The line, and the function that stops following the job's events (call it when the view closes).
export function retentionLine(ctx) {
  const line = el('p', { class: 'muted', id: 'retention-status' }, 'Conservazione dati: …');
  const load = () => get('/api/retention')
    .then((r) => { line.textContent = describeRetention(r); })
    .catch((err) => { line.textContent = 'Conservazione dati: ' + errorLine(err); });
  load();
  return [line, ctx.events.on('retention.ran', load)];
}
