// The operator's view: presence, the softphone, the incoming-call screen with notes, the ticket form and the
// operator's recent tickets. After a call this operator took: wrap-up, then "ready" sets AVAILABLE again.

import { el } from '../dom.js';
import * as phone from './softphone.js';
import { settingsForm, load } from './settings.js';
import { phoneCard } from './phone-view.js';
import { presenceCard } from './presence.js';
import { incomingCard } from './incoming.js';
import { ticketForm } from './ticket-form.js';
import { ticketList } from './tickets.js';

function render(container, { me, events, showBanner }) {
  const presence = presenceCard(events, me);
  const phoneView = phoneCard();
  const list = ticketList(showBanner);
  const form = ticketForm({ onFiled: () => list.refresh() });
  const incoming = incomingCard(events, me, {
    onAnswered: (e) => form.setCall(e.data.callId),
    onEnded: (e, mine) => { if (mine) { form.setCall(e.data.callId); presence.wrapUp(); } },
  });
  const settings = settingsForm((values) => phone.start(values));
  container.append(el('div', { class: 'operator' },
    el('div', { class: 'col' }, presence.card, phoneView.card, incoming.card, settings),
    el('div', { class: 'col wide' }, form.card, list.card)));
  const saved = load();
  if (saved.server) phone.start(saved);
  return () => {
    [presence, phoneView, incoming, list].forEach((part) => part.dispose());
    phone.stop();
  };
}

export const routes = [{ path: '/operator', title: 'Operatore', roles: ['OPERATOR'], render }];
