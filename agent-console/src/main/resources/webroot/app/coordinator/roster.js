// The roster editor: the YAML in force in a textarea, a check that previews the draft hour by hour (uncovered
// hours highlighted), and saving as a new version (refused by the server naming the uncovered hours).
import { get, post, put } from '../api.js';
import { el, clear, fmtDateTime, showFieldErrors } from '../dom.js';
import { errorLine } from './common.js';

function previewGrid(preview) {
  const hours = [...Array(24).keys()].map((h) => String(h).padStart(2, '0') + ':00');
  const rows = preview.days.map((day) => {
    const byHour = new Map(day.hours.map((h) => [h.hour, h]));
    return el('tr', {}, el('th', { scope: 'row' }, day.date), hours.map((hour) => {
      const slot = byHour.get(hour);
      if (!slot) return el('td', { class: 'slot none' }, '');
      return el('td', { class: 'slot ' + (slot.covered ? 'covered' : 'uncovered'),
        title: slot.covered ? `${slot.primary}${slot.secondary ? ' / ' + slot.secondary : ''}` : 'scoperto' },
        slot.covered ? slot.primary.replace(/^op-/, '') : '✕');
    }));
  });
  return el('div', { class: 'scroll' }, el('table', { class: 'roster-grid', id: 'roster-grid' },
    el('thead', {}, el('tr', {}, el('th', {}, ''), hours.map((h) => el('th', { scope: 'col' }, h.slice(0, 2))))),
    el('tbody', {}, rows)));
}

export function renderRoster(container) {
  const info = el('p', { class: 'muted', id: 'roster-version' }, '');
  const textarea = el('textarea', { id: 'roster-document', name: 'document', rows: 24, spellcheck: 'false', class: 'code' });
  const message = el('p', { id: 'roster-message', role: 'status' }, '');
  const form = el('form', { class: 'card', id: 'roster-form', novalidate: true }, el('h1', {}, 'Turni di reperibilità'), info,
    el('div', { class: 'field' }, el('label', { for: 'roster-document' }, 'Documento (YAML)'), textarea),
    el('div', { class: 'row' }, el('button', { type: 'button', class: 'secondary', id: 'roster-check' }, 'Verifica e anteprima'),
      el('button', { type: 'submit', id: 'roster-save' }, 'Salva nuova versione')), message);
  const preview = el('div', { class: 'card', id: 'roster-preview' }, el('h2', {}, 'Anteprima 14 giorni'));
  container.append(form, preview);

  function showPreview(p) {
    clear(preview).append(el('h2', {}, 'Anteprima 14 giorni (' + p.zone + ')'),
      p.uncovered.length ? el('p', { class: 'form-error', id: 'roster-uncovered' }, 'Ore scoperte: ' + p.uncovered.join(', '))
        : el('p', { class: 'ok-text', id: 'roster-uncovered' }, 'Ogni ora è coperta.'),
      previewGrid(p));
  }
  async function refresh() {
    try {
      const current = await get('/api/roster');
      textarea.value = current.document;
      info.textContent = `Versione ${current.version}, salvata da ${current.savedBy} il ${fmtDateTime(current.savedAt)}`;
      showPreview(await get('/api/roster/preview?days=14'));
    } catch (err) {
      message.textContent = errorLine(err);
    }
  }
  form.querySelector('#roster-check').addEventListener('click', async () => {
    showFieldErrors(form, {});
    message.textContent = '';
    try {
      showPreview(await post('/api/roster/preview', { document: textarea.value, days: 14 }));
      message.textContent = 'Documento valido.';
    } catch (err) {
      if (!showFieldErrors(form, err.fields)) message.textContent = errorLine(err);
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showFieldErrors(form, {});
    message.textContent = '';
    try {
      const saved = await put('/api/roster', { document: textarea.value });
      message.textContent = `Salvata la versione ${saved.version}.`;
      await refresh();
      message.textContent = `Salvata la versione ${saved.version}.`;
    } catch (err) {
      if (!showFieldErrors(form, err.fields)) message.textContent = errorLine(err);
    }
  });
  refresh();
  return null;
}
