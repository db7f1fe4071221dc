// The coordinator's views: call log, statistics, roster, deliveries, exports.
import { el } from '../dom.js';

export const routes = [
  {
    path: '/calls', title: 'Registro chiamate', roles: ['COORDINATOR'],
    render(container) {
      container.append(el('div', { class: 'card' }, el('h1', {}, 'Registro chiamate')));
      return null;
    },
  },
];
