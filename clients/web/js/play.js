// The play page: joins with a name, sends one input per tick, predicts the own player, interpolates the others,
// draws at the display's rate. window.gameState is a read-only view for tests and the curious.
import { EventKind, Flags, Phase } from './codec.js';
import { loadArena, stepPlayer } from './arena.js';
import { Connection } from './connection.js';
import { Controls } from './controls.js';
import { logEvent } from './event-list.js';
import { Interpolator } from './interpolation.js';
import { onJoin } from './join-form.js';
import { Predictor } from './prediction.js';
import { Renderer } from './renderer.js';
import { serverBase, socketUrl } from './server-url.js';

const $ = (id) => document.getElementById(id);

class Game {
  constructor(name, arena) {
    this.arena = arena;
    this.canvas = $('canvas');
    this.renderer = new Renderer(this.canvas, arena);
    this.controls = new Controls(this.canvas, arena);
    this.predictor = new Predictor();
    this.interpolator = new Interpolator(100);
    this.tickRate = 30;
    this.seq = 0;
    this.viewTick = 0;
    this.aim = 0;
    this.framesDrawn = 0;
    this.death = null; // { killer: name or null, tick } of the own player's last death
    this.inputTimer = null;
    this.connection = new Connection(serverBase(), socketUrl(), name, {
      welcome: (m) => this.welcome(m),
      world: (world) => this.worldChanged(world),
      event: (m) => this.gameEvent(m),
      error: (m) => this.log(`Server: ${m.message}`),
      refused: (reason) => this.log(`A malformed frame (${reason}): reconnecting`),
      status: () => this.updateStatus(),
      matchClosed: () => this.log('Match closed: joining the next one'),
    });
    requestAnimationFrame((t) => this.frame(t));
  }

  welcome(m) {
    // The page draws and predicts Arena: another game's match would have neither its kinds nor its input.
    if (m.schema.game !== 'arena') {
      this.log(`This page plays Arena; the server's match is of ${m.schema.game}`);
      this.connection.stop();
      return;
    }
    this.tickRate = m.tickRate;
    if (m.tickRate !== this.arena.tickRate) {
      this.log(`The server ticks at ${m.tickRate} Hz but described its rules for ${this.arena.tickRate} Hz`);
    }
    this.predictor.reset((p, input) => stepPlayer(p, input, this.arena));
    this.interpolator.clear();
    $('hud-rate').textContent = `${m.tickRate} Hz`;
    this.log(`Joined match ${m.matchId} as player ${m.playerId}`);
    clearInterval(this.inputTimer);
    this.inputTimer = setInterval(() => this.tick(), 1000 / m.tickRate);
  }

  get own() {
    const welcome = this.connection.welcome;
    return welcome === null ? undefined : this.connection.world.entities.get(welcome.playerId);
  }

  canMove(world, own) {
    return world.phase !== Phase.ENDED && own !== undefined && (own.fields.flags & Flags.ALIVE) !== 0;
  }

  /** Samples the controls and sends them: one input per tick, applied at once to the prediction. */
  tick() {
    const { connection } = this;
    const world = connection.world;
    if (connection.status !== 'playing' || !world.hasState || world.phase === Phase.ENDED) return;
    const own = this.own;
    const p = this.predictor.state ?? own?.fields;
    const toPixel = this.renderer.scale / this.arena.positionScale;
    const pixel = p === undefined ? null : { x: p.x * toPixel, y: p.y * toPixel };
    const input = this.controls.sample(pixel, this.aim);
    this.aim = input.aim;
    input.seq = ++this.seq;
    // The others are drawn interpolated, in the past: the server judges this input's shot against that moment.
    this.viewTick = this.interpolator.displayedTick(performance.now());
    connection.sendInput(input.seq, this.viewTick, input);
    this.predictor.apply(input, this.canMove(world, own));
  }

  worldChanged(world) {
    this.interpolator.push(performance.now(), world);
    const own = this.own;
    if (own !== undefined) {
      const { x, y, vx, vy, aim } = own.fields;
      this.predictor.reconcile({ x, y, vx, vy, aim }, this.connection.ack, this.canMove(world, own));
    }
    this.updateSidebar(world);
  }

  frame(time) {
    const world = this.connection.world;
    if (world.hasState) {
      const ownId = this.connection.welcome?.playerId;
      this.renderer.draw(world, ownId, (e) => {
        if (e.id === ownId) return this.predictor.state ?? e.fields;
        return this.interpolator.sample(e.id, time) ?? e.fields;
      }, this.tickRate, this.statusText());
      this.framesDrawn++;
    }
    $('hud-ping').textContent = this.connection.rttMs === null ? '-' : `${this.connection.rttMs} ms`;
    this.updateDeath(world);
    this.updateStatus();
    requestAnimationFrame((t) => this.frame(t));
  }

  updateSidebar(world) {
    const own = this.own;
    $('hud-health').textContent = own === undefined ? '-' : String(own.fields.health);
    $('hud-score').textContent = own === undefined ? '-' : String(own.fields.score);
    const list = $('scoreboard');
    const rows = world.standings().map((p) => {
      const li = document.createElement('li');
      li.textContent = `${p.name} · ${p.fields.score} (${p.fields.kills} kills)`;
      if (p === own) li.className = 'me';
      return li;
    });
    list.replaceChildren(...rows);
  }

  /** What the player is waiting for, in words: the connection's state, or, once in a match, its phase. */
  statusText() {
    const { connection } = this;
    const world = connection.world;
    if (connection.status !== 'playing' || !world.hasState) return connection.status;
    switch (world.phase) {
      case Phase.WAITING:
      case Phase.COUNTDOWN: {
        // A match starts with minPlayersToStart players (2 by default): alone, the player waits for company.
        let players = 0;
        for (const e of world.entities.values()) if (e.kindName === 'player') players++;
        const missing = this.arena.match.minPlayersToStart - players;
        if (missing === 1 && players === 1) return 'waiting for a second player';
        if (missing > 0) return `waiting for ${missing} more players`;
        return world.phase === Phase.WAITING ? 'waiting' : `starting in ${Math.ceil(world.phaseTicksLeft / this.tickRate)} s`;
      }
      case Phase.ENDED: return 'match over';
      default: return 'playing';
    }
  }

  updateStatus() {
    const text = this.statusText();
    const hud = $('hud-status');
    if (hud.textContent !== text) hud.textContent = text;
  }

  /** While the own player is dead: who killed it, and when it respawns (the kill's tick plus the rules' delay). */
  updateDeath(world) {
    const own = this.own;
    const box = $('death');
    if (own === undefined || (own.fields.flags & Flags.ALIVE) !== 0 || world.phase !== Phase.RUNNING) {
      this.death = null;
      box.hidden = true;
      return;
    }
    const death = this.death;
    let headline = 'You are dead';
    let respawn = 'respawning soon';
    if (death !== null) {
      headline = death.killer === null ? 'You died' : `Killed by ${death.killer}`;
      const ticksLeft = death.tick + this.arena.player.respawnDelayTicks - world.tick;
      const seconds = Math.max(0, Math.ceil(ticksLeft / this.tickRate));
      respawn = seconds > 0 ? `respawn in ${seconds} s` : 'respawning…';
    }
    const text = `${headline} · ${respawn}`;
    if (box.dataset.text !== text) {
      box.dataset.text = text;
      const small = document.createElement('small');
      small.textContent = respawn;
      box.replaceChildren(headline, small);
    }
    box.hidden = false;
  }

  gameEvent(m) {
    const name = (id) => this.connection.world.entities.get(id)?.name ?? `#${id}`;
    if (m.kind === EventKind.KILL && m.object === this.connection.welcome?.playerId) {
      this.death = { killer: m.subject === 0 ? null : name(m.subject), tick: m.tick };
    }
    switch (m.kind) {
      case EventKind.KILL: this.log(m.subject === 0 ? `${name(m.object)} died` : `${name(m.subject)} killed ${name(m.object)}`); break;
      case EventKind.PLAYER_JOINED: this.log(`${name(m.subject)} joined`); break;
      case EventKind.MATCH_STARTED: this.log('The match started'); break;
      case EventKind.MATCH_ENDED: this.log(m.subject === 0 ? 'The match ended' : `The match ended: ${name(m.subject)} won`); break;
    }
  }

  log(text) {
    logEvent(text);
  }

  /** The test hook's view: plain data, copied, so a test cannot change the game. */
  snapshot() {
    const c = this.connection;
    const own = this.own;
    return {
      status: c.status,
      protocol: c.socket?.protocol ?? null,
      playerId: c.welcome?.playerId ?? null,
      matchId: c.welcome?.matchId ?? null,
      tickRate: this.tickRate,
      tick: c.world.tick,
      viewTick: this.viewTick,
      phase: c.world.phase,
      entityCount: c.world.entities.size,
      own: own === undefined ? null : { ...own, fields: { ...own.fields } },
      sent: this.seq,
      ack: c.ack,
      refusals: c.refusals,
      predicted: this.predictor.state === null ? null : { ...this.predictor.state },
      pendingInputs: this.predictor.pending.length,
      rttMs: c.rttMs,
      framesDrawn: this.framesDrawn,
      death: $('death').hidden ? null : $('death').textContent,
    };
  }
}

onJoin(async (name) => {
  // The map and the movement rules come from the server, so the prediction steps exactly what the server steps.
  let arena;
  try {
    arena = await loadArena(serverBase());
  } catch (e) {
    $('hud-status').textContent = `cannot load the arena's rules: ${e.message}`;
    return;
  }
  const game = new Game(name, arena);
  Object.defineProperty(window, 'gameState', { get: () => game.snapshot() });
  $('canvas').focus();
});
