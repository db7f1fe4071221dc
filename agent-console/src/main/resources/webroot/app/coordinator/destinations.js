// The destinations on the deliveries page: each one's state, its webhook URL (edited here; the signing secret
// stays in the server's environment), an enabled switch (while disabled its referrals wait in the outbox, and
// go once it is enabled again), and whether a coordinator's change applies, by whom and when, with a button that
// forgets the change (the configured address and state apply again).
import { put, del } from '../api.js';
import { el, clear, fmtDateTime, showFieldErrors } from '../dom.js';
import { table, errorLine } from './common.js';

function origin(d) {
  if (!d.overridden) return 'come da configurazione';
  return `modificata da ${d.changedBy} il ${fmtDateTime(d.changedAt)}`;
}

function destinationRow(d, { onSaved, replay, notes }) {
  const url = el('input', { type: 'url', id: `destination-url-${d.id}`, name: 'url', value: d.url || '',
    placeholder: 'https://…', autocomplete: 'off', 'aria-label': `URL di ${d.id}` });
  const enabled = el('input', { type: 'checkbox', role: 'switch', id: `destination-enabled-${d.id}`, name: 'enabled',
    class: 'switch', checked: d.enabled });
  const status = el('p', { class: 'small muted', role: 'status', id: `destination-status-${d.id}` }, notes.get(d.id) || origin(d));
  const form = el('form', { id: `destination-${d.id}`, class: 'destination-form', novalidate: true },
    el('div', { class: 'field' }, url),
    el('div', { class: 'row' }, el('button', { type: 'submit', id: `destination-save-${d.id}` }, 'Salva URL'),
      el('label', { for: enabled.id, class: 'inline' }, enabled, ' Abilitata')),
    status,
    d.overridden ? el('button', { type: 'button', class: 'secondary', id: `destination-reset-${d.id}`,
      onclick: () => save({}, 'Ripristinata la configurazione', true) }, 'Ripristina configurazione') : '');

  async function save(body, done, reset = false) {
    showFieldErrors(form, {});
    try {
      const path = `/api/destinations/${encodeURIComponent(d.id)}`;
      const saved = reset ? await del(path + '/override') : await put(path, body);
      notes.set(d.id, `${done} (${origin(saved)})`);
      url.value = saved.url || '';
      onSaved();
    } catch (err) {
      if (body.enabled !== undefined) enabled.checked = !body.enabled;
      if (!showFieldErrors(form, err.fields)) status.textContent = errorLine(err);
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save({ url: url.value }, 'URL salvato');
  });
  enabled.addEventListener('change', () => save({ enabled: enabled.checked },
    enabled.checked ? 'Abilitata' : 'Disabilitata: le segnalazioni restano in attesa'));

  const state = d.state || (d.enabled ? '' : 'DISABLED');
  return el('tr', { dataset: { destination: d.id } },
    el('td', {}, el('strong', {}, d.id), el('div', { class: 'small muted' }, d.name)),
    el('td', {}, el('span', { class: 'pill circuit-' + state, id: `destination-state-${d.id}` }, state),
      d.missing ? el('div', { class: 'small form-error' }, d.missing) : ''),
    el('td', { class: 'destination-edit' }, form),
    el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => replay({ destination: d.id }, d.id) },
      'Rinvia le non consegnate')));
}

/** URL fields being edited (their value differs from the saved one, or they have the focus), to keep across a refresh. */
function editing(card) {
  const kept = new Map();
  card.querySelectorAll('input[name="url"]').forEach((input) => {
    if (input.value !== input.defaultValue || document.activeElement === input) kept.set(input.id, input.value);
  });
  return kept;
}

/**
 * Fills `card` with the destinations' table (`list` as `GET /api/destinations` gives it), keeping what is being
 * typed; `replay` sends a destination's dead letters again; `notes` holds each destination's last message
 * (id → text) across refreshes.
 */
export function showDestinations(card, list, depth, { onSaved, replay, notes }) {
  const kept = editing(card);
  const focused = document.activeElement?.id;
  clear(card).append(el('h2', {}, 'Destinazioni'),
    el('p', { class: 'muted', id: 'delivery-depth' }, `In attesa ${depth.pending} · non consegnate ${depth.dead} · consegnate ${depth.delivered}`),
    el('p', { class: 'small muted' }, 'Il segreto di firma resta nell\'ambiente del server (HOTLINE_DESTINATION_<ID>_SECRET).'),
    table(['Destinazione', 'Stato', 'Indirizzo e abilitazione', ''], list.map((d) => destinationRow(d, { onSaved, replay, notes })),
      { id: 'destination-table' }));
  kept.forEach((value, id) => {
    const input = card.querySelector(`#${CSS.escape(id)}`);
    if (input) input.value = value;
  });
  const again = focused && card.querySelector(`#${CSS.escape(focused)}`);
  if (again) again.focus();
}
