// The console's table of live matches. Rows are kept by match id and updated in place each second (a button under
// the pointer is never swapped for a new one mid-click); a row clicked open lists the match's players, read from
// GET /admin/api/matches/{id}/players every second while it stays open. Names are set as text, never as HTML.
import * as format from './format.js';

const MATCH_COLUMNS = 7;

function cell(row, className = '') {
  const td = row.insertCell();
  td.className = className;
  return td;
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function button(text, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', (e) => { e.stopPropagation(); onClick(); });
  return b;
}

/** One match's rows: its summary, and when open, its players. */
class MatchRow {
  constructor(table, match) {
    this.table = table;
    this.id = String(match.id);
    this.row = document.createElement('tr');
    this.row.className = 'match';
    this.row.dataset.matchId = this.id;
    this.row.title = 'Click to list its players';
    this.row.addEventListener('click', () => this.toggle());
    cell(this.row).textContent = this.id;
    cell(this.row).textContent = match.game;
    this.cells = { phase: cell(this.row), left: cell(this.row, 'num'), players: cell(this.row, 'num'), cost: cell(this.row, 'num') };
    this.endButton = button('End match', 'danger end', () => table.endMatch(this.id));
    cell(this.row, 'actions').append(this.endButton);
    this.detail = null; // the players' row while open
    this.players = new Map(); // playerId -> tr
  }

  fill(match) {
    this.row.dataset.phase = match.phase;
    setText(this.cells.phase, String(match.phase));
    setText(this.cells.left, format.clock(match.secondsLeft));
    setText(this.cells.players, match.capacity == null ? String(match.players) : `${match.players}/${match.capacity}`);
    setText(this.cells.cost, format.withUnit(match.tickCostUs, 'µs', 0));
    this.endButton.disabled = match.phase === 'ended';
  }

  get open() {
    return this.detail !== null;
  }

  toggle() {
    if (this.open) this.close();
    else this.expand();
  }

  expand() {
    this.detail = document.createElement('tr');
    this.detail.className = 'players';
    this.detail.dataset.matchId = this.id;
    const td = cell(this.detail);
    td.colSpan = MATCH_COLUMNS;
    td.innerHTML = `<table class="grid"><thead><tr><th>Player</th><th class="num">Id</th><th class="num">RTT</th>
      <th class="num">Input lag</th><th class="num">In/s</th><th class="num">Out/s</th><th class="num">Resyncs</th>
      <th class="num">Score</th><th></th></tr></thead><tbody></tbody></table><p class="help">Loading players…</p>`;
    this.row.after(this.detail);
    this.row.classList.add('open');
    this.poll();
  }

  close() {
    clearTimeout(this.timer);
    this.detail?.remove();
    this.detail = null;
    this.players.clear();
    this.row.classList.remove('open');
  }

  remove() {
    this.close();
    this.row.remove();
  }

  // One read at a time, the next a second after the last one finished: a slow server is not asked twice at once.
  async poll() {
    const detail = this.detail;
    const players = await this.table.loadPlayers(this.id);
    if (this.detail !== detail) return; // closed meanwhile
    if (players !== null) this.showPlayers(players);
    this.timer = setTimeout(() => this.poll(), 1000);
  }

  showPlayers(players) {
    const body = this.detail.querySelector('tbody');
    const seen = new Set();
    for (const p of players) {
      seen.add(p.playerId);
      let tr = this.players.get(p.playerId);
      if (tr === undefined) {
        tr = document.createElement('tr');
        tr.dataset.playerId = String(p.playerId);
        tr.dataset.player = p.name;
        cell(tr).textContent = p.name;
        cell(tr, 'num').textContent = String(p.playerId);
        for (let i = 0; i < 6; i++) cell(tr, 'num');
        cell(tr, 'actions').append(button('Kick', 'danger kick', () => this.table.kick(this.id, p.playerId, p.name)));
        this.players.set(p.playerId, tr);
        body.append(tr);
      }
      const [, , rtt, lag, bytesIn, bytesOut, resyncs, score] = tr.cells;
      setText(rtt, format.withUnit(p.rttMs, 'ms'));
      setText(lag, format.withUnit(p.inputLagMs, 'ms'));
      setText(bytesIn, format.bytes(p.bytesInPerSecond));
      setText(bytesOut, format.bytes(p.bytesOutPerSecond));
      setText(resyncs, String(p.resyncs));
      setText(score, String(p.score));
    }
    for (const [id, tr] of this.players) {
      if (!seen.has(id)) {
        tr.remove();
        this.players.delete(id);
      }
    }
    const note = this.detail.querySelector('p.help');
    note.hidden = players.length > 0;
    setText(note, 'No players in this match.');
  }
}

/**
 * The live matches' table. `actions` does the talking to the server: loadPlayers(id) -> players or null,
 * endMatch(id), kick(matchId, playerId, name).
 */
export class MatchTable {
  constructor(body, empty, actions) {
    this.body = body;
    this.empty = empty;
    this.rows = new Map();
    this.loadPlayers = actions.loadPlayers;
    this.endMatch = actions.endMatch;
    this.kick = actions.kick;
  }

  /** Shows the node's live matches as the latest sample lists them. */
  update(matches) {
    const seen = new Set();
    for (const match of [...matches].sort(byId)) {
      const id = String(match.id);
      seen.add(id);
      let row = this.rows.get(id);
      if (row === undefined) {
        row = new MatchRow(this, match);
        this.rows.set(id, row);
        this.insert(row, match);
      }
      row.fill(match);
    }
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.remove();
        this.rows.delete(id);
      }
    }
    this.empty.hidden = this.rows.size > 0;
  }

  // In id order: before the first row of a later match (new matches usually come last).
  insert(row, match) {
    const next = [...this.rows.values()].find((r) => r !== row && byId({ id: r.id }, match) > 0);
    if (next === undefined) this.body.append(row.row);
    else next.row.before(row.row);
  }

  /** Closes every open match (on sign-out). */
  clear() {
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
    this.empty.hidden = false;
  }
}

function byId(a, b) {
  const x = Number(a.id);
  const y = Number(b.id);
  return Number.isNaN(x) || Number.isNaN(y) ? String(a.id).localeCompare(String(b.id)) : x - y;
}
