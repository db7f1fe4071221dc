// The coordinator's views: call log, statistics, roster, deliveries, exports.
import { renderCalls } from './calls.js';
import { renderStats } from './stats.js';
import { renderRoster } from './roster.js';
import { renderDeliveries } from './deliveries.js';
import { renderExports } from './exports.js';

export const routes = [
  { path: '/calls', title: 'Registro chiamate', roles: ['COORDINATOR'], render: renderCalls },
  { path: '/stats', title: 'Statistiche', roles: ['COORDINATOR'], render: renderStats },
  { path: '/roster', title: 'Turni', roles: ['COORDINATOR'], render: renderRoster },
  { path: '/deliveries', title: 'Consegne', roles: ['COORDINATOR'], render: renderDeliveries },
  { path: '/exports', title: 'Esportazioni', roles: ['COORDINATOR'], render: renderExports },
];
