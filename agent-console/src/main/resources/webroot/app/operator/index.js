// The operator's views. (The full operator view — presence, softphone, incoming call, notes, ticket form —
// is registered here.)
import { el } from '../dom.js';

export const routes = [
  {
    path: '/operator', title: 'Operatore', roles: ['OPERATOR'],
    render(container, { me }) {
      container.append(el('div', { class: 'card' }, el('h1', {}, 'Operatore'),
        el('p', { class: 'muted' }, `Operatore ${me.operatorId || ''}`)));
      return null;
    },
  },
];
