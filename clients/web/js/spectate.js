// The scoreboard page. The list of live matches comes from the overview feed (GET /events: each match's start,
// end and removal, and every few seconds a summary line per match); the selected match's scoreboard and kill feed
// from that match's own feed (GET /matches/{id}/events: every event, scores 4 a second). EventSource reconnects by
// itself and sends Last-Event-ID, so each feed resumes where it stopped; a `reset` replaces what the page knew.
// ?server=http://host:port reads another server's feeds (CORS is open).

const $ = (id) => document.getElementById(id);
const server = new URLSearchParams(location.search).get('server') ?? location.origin;
const PHASES = ['waiting', 'countdown', 'running', 'ended'];
// What a `kill` event is in each game (protocol.md, "Games"): in Tag a tag, subject the tagger, object the tagged.
// A game not listed here, or not known yet, reads as Arena's.
const ARENA_WORDS = { killed: 'killed', kills: 'Kills', feed: 'Kill feed' };
const WORDS = new Map([['arena', ARENA_WORDS], ['tag', { killed: 'tagged', kills: 'Tags', feed: 'Tag feed' }]]);

/** @type {Map<number, {id:number, game:string|null, phase:string, secondsLeft:number, at:number, players:number, capacity:number|null, leader:string|null, leaderScore:number|null, winner:string|null}>} */
const matches = new Map();
/** The selected match: its id, its feed, and its whole scoreboard from that feed. */
let selected = { id: null, source: null, standings: [] };
let renderQueued = false;

const phaseName = (phase) => (typeof phase === 'number' ? PHASES[phase] ?? String(phase) : String(phase).toLowerCase());

function upsert(id) {
  let match = matches.get(id);
  if (match === undefined) {
    match = { id, game: null, phase: 'waiting', secondsLeft: 0, at: performance.now(), players: 0, capacity: null, leader: null, leaderScore: null, winner: null };
    matches.set(id, match);
  }
  return match;
}

// A summary line (`summary`), or a match as GET /matches and `reset` show it (with its players).
function setRow(row) {
  const match = upsert(row.id ?? row.matchId);
  if (row.game !== undefined) match.game = row.game;
  if (row.phase !== undefined) match.phase = phaseName(row.phase);
  if (row.secondsLeft !== undefined) { match.secondsLeft = row.secondsLeft; match.at = performance.now(); }
  if (row.capacity !== undefined) match.capacity = row.capacity;
  if (Array.isArray(row.players)) {
    match.players = row.players.length;
    match.leader = row.players[0]?.name ?? null;
    match.leaderScore = row.players[0]?.score ?? null;
  } else if (row.players !== undefined) {
    match.players = row.players;
    match.leader = row.leader ?? null;
    match.leaderScore = row.leaderScore ?? null;
  }
  return match;
}

const overview = {
  'reset': (d) => { matches.clear(); for (const m of d.matches ?? []) setRow(m); select(null); },
  'summary': (d) => { for (const m of d.matches ?? []) setRow(m); },
  'match.started': (d) => { const match = upsert(d.matchId); match.phase = 'running'; match.game = d.game ?? match.game; },
  'match.ended': (d) => {
    const match = setRow({ ...d, id: d.matchId, phase: 'ended', secondsLeft: undefined });
    match.winner = d.winner ?? null;
  },
  'match.removed': (d) => { matches.delete(d.matchId); if (selected.id === d.matchId) select(null); },
};

/** The words of the selected match's game. */
function words() {
  return WORDS.get(matches.get(selected.id)?.game) ?? ARENA_WORDS;
}

function standing(d) {
  return selected.standings.find((p) => p.id === d.playerId);
}

const detail = {
  'reset': (d) => { if (d.matches?.[0]) { setRow(d.matches[0]); selected.standings = d.matches[0].players; } },
  'score': (d) => { setRow(d); selected.standings = d.players; },
  'player.joined': (d) => {
    if (standing(d) === undefined) selected.standings.push({ id: d.playerId, name: d.name, score: 0, kills: 0, connected: true });
    log(`<b>${esc(d.name)}</b> joined`);
  },
  'player.left': (d) => { selected.standings = selected.standings.filter((p) => p.id !== d.playerId); log(`<b>${esc(d.name)}</b> left`); },
  'player.disconnected': (d) => {
    const player = standing(d);
    if (player !== undefined) player.connected = false;
    log(`<b>${esc(d.name)}</b> disconnected (seat held ${Math.round(d.graceSeconds)} s)`);
  },
  'player.resumed': (d) => { const player = standing(d); if (player !== undefined) player.connected = true; log(`<b>${esc(d.name)}</b> is back`); },
  'kill': (d) => log(d.killerId ? `<b>${esc(d.killer)}</b> ${words().killed} <b>${esc(d.victim)}</b>` : `<b>${esc(d.victim)}</b> died`),
  'pickup': (d) => log(`<b>${esc(d.name)}</b> picked up ${d.kind === 'health' ? 'health' : 'a score orb'}`),
  'match.started': (d) => log(`Match ${d.matchId} started`),
  'match.ended': (d) => {
    selected.standings = d.players ?? selected.standings;
    log(d.winner ? `Match ${d.matchId} ended: <b>${esc(d.winner)}</b> won` : `Match ${d.matchId} ended`);
  },
};

function listen(source, handlers) {
  for (const [name, handle] of Object.entries(handlers)) {
    source.addEventListener(name, (e) => {
      handle(JSON.parse(e.data));
      queueRender();
    });
  }
}

function connect() {
  const source = new EventSource(new URL('/events', server));
  source.onopen = () => status('live');
  source.onerror = () => {
    status('reconnecting…');
    // EventSource retries a dropped stream by itself, but gives up on an HTTP error (a proxy's 502 while the
    // server restarts): then start a new one, which sends no Last-Event-ID, so the feed begins with a fresh summary.
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(connect, 3000);
    }
  };
  listen(source, overview);
}

// Watches one match's own feed (null: none); the feed answers 204 once the match is gone, and EventSource stops.
function select(id) {
  selected.source?.close();
  selected = { id, source: null, standings: [] };
  $('feed').replaceChildren();
  if (id !== null) {
    selected.source = new EventSource(new URL(`/matches/${id}/events`, server));
    listen(selected.source, detail);
  }
  queueRender();
}

async function loadMatches() {
  // The feed's first event tells the whole story too; this only fills the page before it arrives.
  try {
    const response = await fetch(new URL('/matches', server));
    if (response.ok && matches.size === 0) {
      for (const m of await response.json()) setRow(m);
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
  // With nothing selected, the first live match is: a page with one match shows its scoreboard at once.
  if ((selected.id === null || !matches.has(selected.id)) && matches.size > 0) {
    select(Math.min(...matches.keys()));
    return;
  }
  const cards = [...matches.values()].sort((a, b) => a.id - b.id).map(card);
  $('no-matches').hidden = cards.length > 0;
  $('matches').replaceChildren($('no-matches'), ...cards);
  const feed = words().feed;
  $('feed-title').textContent = selected.id === null ? feed : `${feed} · match ${selected.id}`;
}

function card(match) {
  const left = Math.max(0, Math.ceil(match.secondsLeft - (match.phase === 'ended' ? 0 : (performance.now() - match.at) / 1000)));
  const clock = match.phase === 'running' || match.phase === 'countdown' ? ` · ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : '';
  const seats = match.capacity === null ? `${match.players}` : `${match.players}/${match.capacity}`;
  const leader = match.leader === null ? '' : ` · leader <b>${esc(match.leader)}</b> ${match.leaderScore ?? 0}`;
  const el = document.createElement('article');
  el.className = `match panel${match.id === selected.id ? ' selected' : ''}`;
  el.dataset.matchId = String(match.id);
  el.innerHTML = `
    <h3>Match ${match.id}${match.game ? ` <span class="game">${esc(match.game)}</span>` : ''} <span class="phase">${esc(match.phase)}${clock}</span></h3>
    <p class="help">${seats} players${leader}</p>
    ${match.id === selected.id ? scoreboard() : ''}
    ${match.winner ? `<p class="winner">Winner: ${esc(match.winner)}</p>` : ''}`;
  el.addEventListener('click', () => { if (selected.id !== match.id) select(match.id); });
  return el;
}

function scoreboard() {
  const players = [...selected.standings].sort((a, b) => (b.score - a.score) || (a.id - b.id));
  return `
    <table>
      <thead><tr><th>Player</th><th class="num">Score</th><th class="num">${words().kills}</th></tr></thead>
      <tbody>${players.map((p) => `<tr class="${p.connected === false ? 'offline' : ''}" data-player="${esc(p.name)}">
        <td>${esc(p.name)}</td><td class="num score">${p.score}</td><td class="num">${p.kills ?? 0}</td></tr>`).join('')}</tbody>
    </table>`;
}

// The latest recorded matches (GET /replays), each a link to its replay page, which draws every game; refreshed now
// and then, since a replay is listed a moment after its match is removed.
async function loadReplays() {
  try {
    const response = await fetch(new URL('/replays', server));
    if (!response.ok) return;
    const replays = (await response.json()).slice(0, 8);
    if (replays.length === 0) return;
    $('replays').replaceChildren(...replays.map((r) => {
      const li = document.createElement('li');
      const length = Math.max(0, Math.round((Date.parse(r.ended) - Date.parse(r.started)) / 1000));
      const minutes = Math.floor(length / 60);
      const seconds = String(length % 60).padStart(2, '0');
      const href = new URL(`/replay/${encodeURIComponent(r.id)}`, server);
      li.innerHTML = `<a href="${esc(href)}">Match ${r.matchId}</a> (${esc(r.game)}) · ${r.players} players · ${minutes}:${seconds}`;
      return li;
    }));
  } catch {
    // Replays are an extra: the page works without them.
  }
}

// The clocks tick down between the feed's summaries and scores.
setInterval(queueRender, 1000);
setInterval(loadReplays, 10_000);
status('connecting');
loadMatches();
loadReplays();
connect();
