// The console's shell: log in, then the views the user's roles allow, chosen by the URL's hash.
// Views are registered by the operator and coordinator modules: { path, title, roles, render(container, ctx) }.

import { api, ApiError, setCsrfToken } from './api.js';
import { el, clear, showFieldErrors } from './dom.js';
import * as events from './events.js';
import * as serverStatus from './server-status.js';
import { routes as operatorRoutes } from './operator/index.js';
import { routes as coordinatorRoutes } from './coordinator/index.js';

const routes = [...operatorRoutes, ...coordinatorRoutes];
const view = document.getElementById('view');
const nav = document.getElementById('nav');
const status = document.getElementById('status');
const banner = document.getElementById('banner');
let me = null;
let unmount = null;

export function showBanner(text, level = 'warn') {
  banner.hidden = !text;
  banner.textContent = text || '';
  banner.className = 'banner' + (level === 'bad' ? ' bad' : '');
}

function allowed(route) {
  const mine = me.roles.map((role) => role.toUpperCase());
  return route.roles.some((role) => mine.includes(role));
}

function navigate() {
  const mine = routes.filter(allowed);
  const path = location.hash.slice(1) || mine[0]?.path || '/';
  const route = mine.find((r) => r.path === path.split('?')[0]) || mine[0];
  clear(nav);
  for (const r of mine) {
    nav.append(el('a', { href: '#' + r.path, 'aria-current': r === route ? 'page' : undefined }, r.title));
  }
  if (typeof unmount === 'function') unmount();
  clear(view);
  unmount = route ? route.render(view, { me, events, showBanner }) : null;
  if (!route) view.append(el('p', {}, 'Nessuna vista per il tuo ruolo.'));
}

function renderLogin(message) {
  clear(nav);
  document.getElementById('who').textContent = '';
  const form = el('form', { class: 'card login', novalidate: true },
    el('h1', {}, 'Accesso'),
    el('label', { for: 'username' }, 'Utente'),
    el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true }),
    el('label', { for: 'password' }, 'Password'),
    el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    el('p', { class: 'form-error', id: 'login-error', role: 'alert' }, message || ''),
    el('button', { type: 'submit' }, 'Entra'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    try {
      const answer = await api('POST', '/api/session', { username: data.username, password: data.password });
      setCsrfToken(answer.csrfToken);
      start(answer.user);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'LOCKED_OUT') form.querySelector('#login-error').textContent =
        'Troppi tentativi: riprova più tardi.';
      else if (!showFieldErrors(form, err.fields)) form.querySelector('#login-error').textContent =
        err.code === 'OFFLINE' ? err.message : 'Utente o password non validi.';
    }
  });
  clear(view).append(form);
  form.querySelector('#username').focus();
}

function start(user) {
  me = user;
  document.getElementById('who').textContent = user.username;
  const logout = el('button', { class: 'secondary', id: 'logout', type: 'button' }, 'Esci');
  logout.addEventListener('click', async () => {
    try { await api('DELETE', '/api/session'); } finally { events.disconnect(); setCsrfToken(null); renderLogin(); }
  });
  document.getElementById('who').append(' ', logout);
  events.on('link', (e) => {
    status.className = 'status ' + (e.data.up ? 'ok' : 'bad');
    status.textContent = e.data.up ? 'collegato' : 'riconnessione…';
  });
  serverStatus.watch(events, showBanner);
  events.connect();
  window.addEventListener('hashchange', navigate);
  navigate();
}

renderLogin();
