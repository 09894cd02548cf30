// The scoreboard page: live matches, their standings and a kill feed from the server's SSE feed (GET /events).
// EventSource reconnects by itself and sends Last-Event-ID, so the feed resumes where it stopped; a `reset`
// event replaces everything the page knows. ?server=http://host:port reads another server's feed (CORS is open).

const $ = (id) => document.getElementById(id);
const server = new URLSearchParams(location.search).get('server') ?? location.origin;
const PHASES = ['waiting', 'countdown', 'running', 'ended'];

/** @type {Map<number, {id:number, phase:string, secondsLeft:number, capacity:number|null, players:any[], winner:string|null, at:number}>} */
const matches = new Map();
let renderQueued = false;

const phaseName = (phase) => (typeof phase === 'number' ? PHASES[phase] ?? String(phase) : String(phase).toLowerCase());

function upsert(id) {
  let match = matches.get(id);
  if (match === undefined) {
    match = { id, phase: 'waiting', secondsLeft: 0, capacity: null, players: [], winner: null, at: performance.now() };
    matches.set(id, match);
  }
  return match;
}

function setSummary(summary) {
  const match = upsert(summary.id ?? summary.matchId);
  if (summary.phase !== undefined) match.phase = phaseName(summary.phase);
  if (summary.secondsLeft !== undefined) { match.secondsLeft = summary.secondsLeft; match.at = performance.now(); }
  if (summary.capacity !== undefined) match.capacity = summary.capacity;
  if (summary.players !== undefined) match.players = summary.players;
  return match;
}

const handlers = {
  'reset': (d) => { matches.clear(); for (const m of d.matches ?? []) setSummary(m); },
  'match.started': (d) => { upsert(d.matchId).phase = 'running'; log(`Match ${d.matchId} started`); },
  'player.joined': (d) => {
    const match = upsert(d.matchId);
    if (!match.players.some((p) => p.id === d.playerId)) {
      match.players.push({ id: d.playerId, name: d.name, score: 0, kills: 0, connected: true });
    }
    log(`<b>${esc(d.name)}</b> joined match ${d.matchId}`);
  },
  'player.left': (d) => {
    const match = upsert(d.matchId);
    match.players = match.players.filter((p) => p.id !== d.playerId);
    log(`<b>${esc(d.name)}</b> left match ${d.matchId}`);
  },
  'player.disconnected': (d) => {
    const player = upsert(d.matchId).players.find((p) => p.id === d.playerId);
    if (player !== undefined) player.connected = false;
    log(`<b>${esc(d.name)}</b> disconnected (seat held ${Math.round(d.graceSeconds)} s)`);
  },
  'player.resumed': (d) => {
    const player = upsert(d.matchId).players.find((p) => p.id === d.playerId);
    if (player !== undefined) player.connected = true;
    log(`<b>${esc(d.name)}</b> is back`);
  },
  'kill': (d) => log(d.killerId ? `<b>${esc(d.killer)}</b> killed <b>${esc(d.victim)}</b>` : `<b>${esc(d.victim)}</b> died`),
  'pickup': (d) => log(`<b>${esc(d.name)}</b> picked up ${d.kind === 1 || d.kind === 'health' ? 'health' : 'a score orb'}`),
  'score': (d) => setSummary(d),
  'match.ended': (d) => {
    const match = setSummary({ ...d, phase: 'ended', secondsLeft: undefined });
    match.winner = d.winner ?? null;
    log(d.winner ? `Match ${d.matchId} ended: <b>${esc(d.winner)}</b> won` : `Match ${d.matchId} ended`);
  },
  'match.removed': (d) => { matches.delete(d.matchId); },
};

function connect() {
  const source = new EventSource(new URL('/events', server));
  source.onopen = () => status('live');
  source.onerror = () => {
    status('reconnecting…');
    // EventSource retries a dropped stream by itself, but gives up on an HTTP error (a proxy's 502 while the
    // server restarts): then start a new one, which still sends no Last-Event-ID, so the feed begins with a reset.
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(connect, 3000);
    }
  };
  for (const [name, handle] of Object.entries(handlers)) {
    source.addEventListener(name, (e) => {
      handle(JSON.parse(e.data));
      queueRender();
    });
  }
}

async function loadMatches() {
  // The feed's first event tells the whole story too; this only fills the page before it arrives.
  try {
    const response = await fetch(new URL('/matches', server));
    if (response.ok && matches.size === 0) {
      for (const m of await response.json()) setSummary(m);
      queueRender();
    }
  } catch {
    // The feed will catch up.
  }
}

function status(text) {
  $('feed-status').textContent = text;
  document.body.dataset.feed = text;
}

function log(html) {
  const li = document.createElement('li');
  li.innerHTML = html;
  const feed = $('feed');
  feed.prepend(li);
  while (feed.children.length > 30) feed.lastChild.remove();
}

function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function queueRender() {
  if (!renderQueued) {
    renderQueued = true;
    requestAnimationFrame(render);
  }
}

function render() {
  renderQueued = false;
  const cards = [...matches.values()].sort((a, b) => a.id - b.id).map(card);
  $('no-matches').hidden = cards.length > 0;
  $('matches').replaceChildren($('no-matches'), ...cards);
}

function card(match) {
  const left = Math.max(0, Math.ceil(match.secondsLeft - (match.phase === 'ended' ? 0 : (performance.now() - match.at) / 1000)));
  const clock = match.phase === 'running' || match.phase === 'countdown' ? ` · ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : '';
  const players = [...match.players].sort((a, b) => (b.score - a.score) || (a.id - b.id));
  const el = document.createElement('article');
  el.className = 'match panel';
  el.dataset.matchId = String(match.id);
  el.innerHTML = `
    <h3>Match ${match.id} <span class="phase">${esc(match.phase)}${clock}</span></h3>
    <table>
      <thead><tr><th>Player</th><th class="num">Score</th><th class="num">Kills</th></tr></thead>
      <tbody>${players.map((p) => `<tr class="${p.connected === false ? 'offline' : ''}" data-player="${esc(p.name)}">
        <td>${esc(p.name)}</td><td class="num score">${p.score}</td><td class="num">${p.kills ?? 0}</td></tr>`).join('')}</tbody>
    </table>
    ${match.winner ? `<p class="winner">Winner: ${esc(match.winner)}</p>` : ''}`;
  return el;
}

// The clocks tick down between the feed's coalesced score events.
setInterval(queueRender, 1000);
status('connecting');
loadMatches();
connect();
