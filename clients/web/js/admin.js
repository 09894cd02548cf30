// The operator's console. Everything it shows comes from /admin/api with the operator's bearer token, which the page
// asks for once and keeps in sessionStorage (this tab only). The node's samples arrive on GET /admin/api/stream,
// read with fetch (EventSource cannot send a header): first `history` (the last 10 minutes, one sample a second),
// then one `sample` a second. A dropped or silent stream is opened again and starts with a fresh history; a refused
// token asks for the token again. window.adminState is a read-only view for tests and the curious.
import { MatchTable } from './admin-matches.js';
import { Plots, WINDOW_SECONDS } from './admin-plots.js';
import { readEvents } from './sse.js';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'gameserver.admin.token';
// The server sends a sample every second: a stream silent for this long is dead even if its socket is not.
const SILENCE_MS = 5000;
const RETRY_MS = [1000, 2000, 5000];

let samples = [];
let stream = null; // the AbortController of the open stream
let retries = 0;
let plots = null;
let noticeTimer = 0;

const matchTable = new MatchTable($('matches').tBodies[0], $('no-matches'), {
  loadPlayers: async (id) => {
    const response = await api(`matches/${encodeURIComponent(id)}/players`);
    return response?.ok ? response.json() : null;
  },
  endMatch: async (id) => {
    const ok = await ask({ title: `End match ${id}?`, text: 'Its players get the end of the match and go back to the lobby.', ok: 'End match' });
    if (ok !== null) act(`matches/${encodeURIComponent(id)}/end`, null, `Match ${id} ended.`);
  },
  kick: async (matchId, playerId, name) => {
    const reason = await ask({ title: `Kick ${name}?`, text: 'Their connection closes with this reason (code 4008) and their seat is not held.', ok: 'Kick', reason: true });
    if (reason !== null) act(`matches/${encodeURIComponent(matchId)}/players/${playerId}/kick`, { reason }, `${name} was kicked.`);
  },
});

/** A request to /admin/api with the token; null (and the sign-in form) when the token is refused. */
async function api(path, init = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token === null) return null;
  const headers = { Authorization: `Bearer ${token}`, ...init.headers };
  let response;
  try {
    response = await fetch(`/admin/api/${path}`, { ...init, headers, cache: 'no-store' });
  } catch {
    if (!init.signal?.aborted) notify('The server cannot be reached.', 'error');
    return null;
  }
  if (response.status === 401 || response.status === 429) {
    await signOut(response);
    return null;
  }
  return response;
}

// An action (POST, JSON body): its outcome in the notice line.
async function act(path, body, done) {
  const init = body === null ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  const response = await api(path, init);
  if (response === null) return null;
  if (!response.ok) {
    notify(`Refused (${response.status}): ${await problem(response)}`, 'error');
    return null;
  }
  notify(done, 'ok');
  return response.json().catch(() => ({}));
}

async function problem(response) {
  const text = await response.text();
  try {
    const json = JSON.parse(text);
    return json.detail ?? json.title ?? json.error ?? text;
  } catch {
    return text || response.statusText;
  }
}

function notify(text, kind) {
  const notice = $('notice');
  notice.textContent = text;
  notice.dataset.kind = kind;
  notice.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { notice.hidden = true; }, 8000);
}

/** Forgets the token and asks for one; `response` (401 or 429) says why. */
async function signOut(response = null) {
  stream?.abort();
  stream = null;
  sessionStorage.removeItem(TOKEN_KEY);
  matchTable.clear();
  let reason = '';
  if (response?.status === 401) reason = 'That token was refused.';
  else if (response?.status === 429) reason = `Too many refused tokens from this address: try again in ${response.headers.get('Retry-After') ?? 'a few'} s.`;
  $('login-error').textContent = reason;
  $('console').hidden = true;
  $('node').hidden = true;
  $('login').hidden = false;
  status('signed out');
  $('token').focus();
}

function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  $('login').hidden = true;
  $('console').hidden = false;
  $('node').hidden = false;
  plots ??= new Plots($('plots'));
  retries = 0;
  connect();
}

async function connect() {
  stream?.abort();
  const controller = new AbortController();
  stream = controller;
  status('connecting');
  let silence = setTimeout(() => controller.abort(), SILENCE_MS * 2);
  try {
    const response = await api('stream', { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    // Unreachable (a restarting server) is retried below like a dropped stream; a signed-out console is not (signOut
    // cleared the stream, so nothing below retries).
    if (response === null) throw new Error('The server cannot be reached.');
    if (response.status === 404) throw new Error('The console is off on this server (no Admin:Token configured).');
    if (!response.ok) throw new Error(`The stream answered ${response.status}.`);
    status('live');
    retries = 0;
    for await (const { event, data } of readEvents(response.body)) {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_MS);
      if (event === 'history') history(JSON.parse(data).samples);
      else if (event === 'sample') sample(JSON.parse(data));
    }
  } catch (error) {
    if (stream === controller && !controller.signal.aborted) notify(error.message, 'error');
  } finally {
    clearTimeout(silence);
  }
  // Ended, dropped, silent or refused: try again, later and later, unless signed out or replaced meanwhile.
  if (stream === controller) {
    status('reconnecting…');
    setTimeout(() => { if (stream === controller) connect(); }, RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]);
  }
}

function history(list) {
  samples = list;
  render();
}

function sample(s) {
  samples.push(s);
  const oldest = s.t - WINDOW_SECONDS * 1000;
  let drop = 0;
  while (drop < samples.length && samples[drop].t < oldest) drop++;
  if (drop > 0) samples.splice(0, drop);
  render();
}

function render() {
  const last = samples[samples.length - 1];
  if (last === undefined) return;
  plots.update(samples);
  matchTable.update(last.liveMatches ?? []);
  showDraining(last.draining);
}

function showDraining(draining) {
  const state = $('node-state');
  state.textContent = draining ? 'draining' : 'serving';
  state.dataset.draining = String(draining);
  $('drain').textContent = draining ? 'Undrain' : 'Drain';
}

async function toggleDrain() {
  const draining = $('node-state').dataset.draining === 'true';
  if (!draining) {
    const ok = await ask({ title: 'Drain this node?', text: 'It takes no new players; players in its matches stay (and may resume) until their matches end.', ok: 'Drain' });
    if (ok === null) return;
  }
  const result = await act(draining ? 'undrain' : 'drain', null, draining ? 'The node takes players again.' : 'The node is draining.');
  if (result?.draining !== undefined) showDraining(result.draining);
}

/** Asks to confirm an action in the page's dialog: resolves to the reason typed ('' when none is asked), or null. */
function ask({ title, text, ok, reason = false }) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = ok;
  $('reason-label').hidden = !reason;
  const input = $('reason');
  input.hidden = !reason;
  input.required = reason;
  input.value = '';
  dialog.returnValue = '';
  dialog.showModal();
  if (reason) input.focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' ? input.value.trim() : null), { once: true });
  });
}

function status(text) {
  $('stream-status').textContent = text;
  document.body.dataset.stream = text;
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = $('token').value.trim();
  $('token').value = '';
  if (token !== '') signIn(token);
});
$('sign-out').addEventListener('click', () => signOut());
$('drain').addEventListener('click', toggleDrain);

window.adminState = {
  get samples() { return samples.length; },
  get plots() { return plots?.latest() ?? {}; },
};

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved === null) signOut();
else signIn(saved);
