// The softphone: SIP.js over a WebSocket (WSS to Asterisk's PJSIP WebRTC endpoint in production). Registers with
// the SIP user and password of the operator's settings, rings on an incoming call, answers, hangs up, mutes, holds,
// sends DTMF, and reports its state to listeners: {registration, call, error, since, remote}. Reconnects with
// back-off when the socket drops. window.hotlineSoftphone exposes state(), stats() and media() for tests and support.

import { UserAgent, Registerer, RegistererState, SessionState, Web } from '/vendor/sip.js/index.js';

const listeners = new Set();
let ua = null;
let registerer = null;
let session = null;
let settings = null;
let retry = 0;
let retryTimer = null;
let stopping = false;
const state = { registration: 'off', call: 'idle', error: '', since: null, muted: false, held: false, remote: '' };
const audio = new Audio();
audio.autoplay = true;

export function onChange(listener) {
  listeners.add(listener);
  listener({ ...state });
  return () => listeners.delete(listener);
}

function set(patch) {
  Object.assign(state, patch);
  for (const listener of listeners) listener({ ...state });
}

/** Starts (or restarts) the phone with {server, user, password, domain}. */
export async function start(options) {
  await stop();
  settings = options;
  stopping = false;
  if (!options?.server || !options?.user) {
    set({ registration: 'off', error: 'Imposta server, utente e password del telefono.' });
    return;
  }
  let uri;
  try {
    const domain = options.domain || new URL(options.server).hostname;
    uri = UserAgent.makeURI(`sip:${options.user}@${domain}`);
  } catch { uri = undefined; }
  if (!uri) { set({ registration: 'off', error: 'Indirizzo del telefono non valido.' }); return; }
  ua = new UserAgent({
    uri, transportOptions: { server: options.server }, authorizationUsername: options.user,
    authorizationPassword: options.password || '', logLevel: 'error', displayName: options.user,
    reconnectionAttempts: 0, // the console reconnects itself (disconnected() below), without end and with its own back-off
    sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] } },
    delegate: { onInvite: incoming, onConnect: register, onDisconnect: disconnected },
  });
  registerer = new Registerer(ua, { expires: 300 });
  registerer.stateChange.addListener((s) => {
    if (s === RegistererState.Registered) set({ registration: 'registered', error: '' });
    else if (s === RegistererState.Unregistered && !stopping) set({ registration: 'unregistered' });
  });
  set({ registration: 'connecting', error: '' });
  try {
    await ua.start();
  } catch {
    disconnected(new Error('connect'));
  }
}

export async function stop() {
  stopping = true;
  clearTimeout(retryTimer);
  const old = ua;
  ua = null;
  if (!old) return;
  try { await registerer?.unregister(); } catch { /* already gone */ }
  try { await old.stop(); } catch { /* already stopped */ }
  set({ registration: 'off' });
}

async function register() {
  retry = 0;
  try {
    // after a reconnection the registerer may already be Registered, so its state does not change: the
    // accepted REGISTER itself says the phone is registered again
    await registerer.register({ requestDelegate: { onAccept: () => set({ registration: 'registered', error: '' }),
      onReject: (r) => set({ registration: 'refused',
      error: `Registrazione rifiutata (${r.message.statusCode}): controlla utente e password del telefono.` }) } });
  } catch (e) {
    set({ registration: 'refused', error: 'Registrazione non riuscita: ' + e.message });
  }
}

function disconnected(error) {
  if (stopping || !ua) return;
  if (!error) return;
  const delay = Math.min(8_000, 1000 * 2 ** retry++); // an operator on call cannot wait long for the phone
  set({ registration: 'reconnecting', error: 'Telefono scollegato dal centralino: riconnessione…' });
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => ua?.reconnect().catch(() => disconnected(new Error('again'))), delay);
}

function incoming(invitation) {
  if (session) { invitation.reject({ statusCode: 486 }); return; }
  session = invitation;
  const from = invitation.remoteIdentity?.displayName || '';
  set({ call: 'ringing', remote: from, since: null, muted: false, held: false });
  ring(true);
  invitation.stateChange.addListener((s) => {
    if (s === SessionState.Established) {
      ring(false);
      attachAudio();
      set({ call: 'active', since: Date.now(), error: '' });
    } else if (s === SessionState.Terminated) {
      ring(false);
      session = null;
      audio.srcObject = null;
      set({ call: 'idle', since: null, remote: '', muted: false, held: false });
    }
  });
}

function attachAudio() {
  const pc = session?.sessionDescriptionHandler?.peerConnection;
  if (!pc) return;
  const stream = new MediaStream();
  pc.getReceivers().forEach((r) => r.track && stream.addTrack(r.track));
  audio.srcObject = stream;
  audio.play().catch(() => {});
}

export async function answer() {
  if (!session || state.call !== 'ringing') return;
  try {
    await session.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
  } catch (e) {
    const refused = e?.name === 'NotAllowedError' || /permission|denied/i.test(String(e?.message));
    set({ error: refused ? 'Microfono negato: consenti il microfono al sito per rispondere.'
      : 'Risposta non riuscita: ' + (e?.message || e) });
  }
}

export async function hangup() {
  if (!session) return;
  const s = session;
  ring(false);
  if (s.state === SessionState.Established) await s.bye().catch(() => {});
  else if (s.state === SessionState.Initial || s.state === SessionState.Establishing) await s.reject().catch(() => {});
}

export function mute(on) {
  const sdh = session?.sessionDescriptionHandler;
  if (!sdh) return;
  sdh.enableSenderTracks(!on);
  set({ muted: on });
}

/**
 * Keeps the DTLS roles of the call in a re-INVITE's answer. Some peers (baresip 1.0) answer a re-offer with
 * `a=setup:actpass`, which an answer may not carry (RFC 5763) and Chromium refuses, ending the call; the roles
 * cannot change during a call anyway, so the peer's role is taken from the description in force.
 */
function keepDtlsRole(description) {
  if (description.type !== 'answer' || !/a=setup:actpass/.test(description.sdp)) return Promise.resolve(description);
  const pc = session?.sessionDescriptionHandler?.peerConnection;
  const ours = (pc?.currentLocalDescription?.sdp.match(/a=setup:(active|passive)\b/) || [])[1];
  const theirs = (pc?.currentRemoteDescription?.sdp.match(/a=setup:(active|passive)\b/) || [])[1];
  const role = ours ? (ours === 'active' ? 'passive' : 'active') : theirs || 'active';
  return Promise.resolve({ type: description.type, sdp: description.sdp.replace(/a=setup:actpass/g, `a=setup:${role}`) });
}

export async function hold(on) {
  if (!session || state.call !== 'active') return;
  const modifiers = on ? [Web.holdModifier, keepDtlsRole] : [keepDtlsRole];
  try {
    await session.invite({ sessionDescriptionHandlerModifiers: modifiers, requestDelegate: {
      onAccept: () => set({ held: on }),
      onReject: (r) => set({ error: `Attesa rifiutata dal centralino (${r.message.statusCode}).` }),
    } });
  } catch (e) {
    set({ error: 'Attesa non riuscita: ' + (e?.message || e) });
  }
}

/** Sends a key in the media (RFC 4733) when telephone-event was agreed, else as a SIP INFO (dtmf-relay). */
export function dtmf(tone) {
  if (!session || state.call !== 'active') return;
  const inMedia = session.sessionDescriptionHandler?.sendDtmf(tone, { duration: 120, interToneGap: 70 });
  if (inMedia) { lastDtmf = { tone, via: 'rfc4733' }; return; }
  lastDtmf = { tone, via: 'info' };
  session.info({ requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay',
    content: `Signal=${tone}\r\nDuration=120` } } }).catch(() => set({ error: 'Tono DTMF non inviato.' }));
}

let lastDtmf = null;

/** The call's media as negotiated: whether the microphone track is sent, the SDP directions, the last key sent. */
function media() {
  const pc = session?.sessionDescriptionHandler?.peerConnection;
  const direction = (sdp) => (/a=(sendrecv|sendonly|recvonly|inactive)/.exec(sdp || '') || [])[1] || 'none';
  return {
    senderEnabled: pc ? pc.getSenders().filter((s) => s.track).map((s) => s.track.enabled) : [],
    localDirection: direction(pc?.localDescription?.sdp), remoteDirection: direction(pc?.remoteDescription?.sdp),
    lastDtmf,
  };
}

let ringTimer = null;
let ringContext = null;
function ring(on) {
  clearInterval(ringTimer);
  ringTimer = null;
  if (!on) return;
  const beep = () => {
    try {
      ringContext ??= new AudioContext();
      const osc = ringContext.createOscillator();
      const gain = ringContext.createGain();
      gain.gain.value = 0.15;
      osc.frequency.value = 440;
      osc.connect(gain).connect(ringContext.destination);
      osc.start();
      osc.stop(ringContext.currentTime + 0.8);
    } catch { /* no audio output */ }
  };
  beep();
  ringTimer = setInterval(beep, 2500);
}

async function stats() {
  const pc = session?.sessionDescriptionHandler?.peerConnection;
  const out = { packetsReceived: 0, packetsSent: 0, connectionState: pc?.connectionState || 'none' };
  if (!pc) return out;
  (await pc.getStats()).forEach((report) => {
    if (report.type === 'inbound-rtp' && report.kind === 'audio') out.packetsReceived += report.packetsReceived || 0;
    if (report.type === 'outbound-rtp' && report.kind === 'audio') out.packetsSent += report.packetsSent || 0;
  });
  return out;
}

window.hotlineSoftphone = { state: () => ({ ...state }), stats, media, answer, hangup };
