// Live events over the WebSocket /api/events: reconnects with back-off, sends a heartbeat so an open console
// is not logged out at night, and tells the page when the link is down.

const listeners = new Map();
let socket = null;
let stopped = false;
let attempt = 0;
let heartbeat = null;

export function on(type, handler) {
  if (!listeners.has(type)) listeners.set(type, new Set());
  listeners.get(type).add(handler);
  return () => listeners.get(type).delete(handler);
}

function emit(type, event) {
  for (const handler of listeners.get(type) || []) handler(event);
  for (const handler of listeners.get('*') || []) handler(event);
}

export function connect() {
  stopped = false;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    attempt = 0;
    emit('link', { type: 'link', data: { up: true } });
    heartbeat = setInterval(() => socket?.readyState === 1 && socket.send('{"type":"ping"}'), 60_000);
  });
  socket.addEventListener('message', (message) => {
    let event;
    try { event = JSON.parse(message.data); } catch { return; }
    if (event && typeof event.type === 'string') emit(event.type, event);
  });
  socket.addEventListener('close', () => {
    clearInterval(heartbeat);
    emit('link', { type: 'link', data: { up: false } });
    if (stopped) return;
    const delay = Math.min(30_000, 1000 * 2 ** attempt++);
    setTimeout(connect, delay);
  });
}

export function disconnect() {
  stopped = true;
  socket?.close();
}
