// What the shell's banner says about the server's parts: asked once from GET /api/status when the console
// starts (so a PBX or store that is already down shows at once), then kept up to date by pbx.connection events.

import { api } from './api.js';

const MESSAGES = {
  pbx: 'Centralino non collegato: le chiamate vanno comunque al numero di riserva.',
  store: 'Archivio non raggiungibile: schede e note potrebbero non essere salvate.',
  dispatcher: 'Invio delle segnalazioni in pausa: saranno spedite appena possibile.',
  unknown: 'Stato del server sconosciuto: il server non risponde.',
};

const down = new Set();
let show = () => {};
let unsubscribe = () => {};

function render() {
  const text = [...down].map((part) => MESSAGES[part]).filter(Boolean).join(' ');
  show(text, 'bad');
}

/** Marks a part up or down and redraws the banner. */
export function setPart(part, up) {
  if (up) down.delete(part); else down.add(part);
  render();
}

/** Starts watching: reads /api/status now and follows pbx.connection events. */
export async function watch(events, showBanner) {
  show = showBanner;
  down.clear();
  unsubscribe();
  unsubscribe = events.on('pbx.connection', (e) => setPart('pbx', e.data?.state === 'CONNECTED'));
  try {
    const status = await api('GET', '/api/status');
    down.delete('unknown');
    for (const part of ['pbx', 'store', 'dispatcher']) {
      if (status[part]) setPart(part, status[part].state !== 'DOWN');
    }
  } catch (err) {
    setPart('unknown', false);
  }
}
