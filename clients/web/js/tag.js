// The Tag page: joins a Tag match (protocol v2, Join naming the game "tag"), sends the movement once a tick, draws
// every player interpolated and keeps the scoreboard. Everything it reads of the state it reads by field name from the
// schema the Welcome carries (x, y, it, score, tags, immune), and it sends its input by field name (moveX, moveY).
// window.gameState is a read-only view for tests and the curious.
import { ErrorCode, EventKind, Phase } from './codec.js';
import { Connection } from './connection.js';
import { logEvent } from './event-list.js';
import { Interpolator } from './interpolation.js';
import { onJoin } from './join-form.js';
import { MoveKeys } from './move-keys.js';
import { serverBase, socketUrl } from './server-url.js';
import { Predictor } from './prediction.js';
import { TagRenderer } from './tag-renderer.js';
import { loadTagRules, stepTagPlayer } from './tag-rules.js';

const GAME = 'tag';
const $ = (id) => document.getElementById(id);

/** The movement keys, or else a held mouse button or finger: run towards it. */
class Steering {
  constructor(canvas) {
    this.canvas = canvas;
    this.keys = new MoveKeys();
    this.pointer = null; // where the pointer is held, in canvas pixels; null when it is not
    canvas.addEventListener('pointerdown', (e) => {
      this.pointer = this.toCanvas(e);
      canvas.setPointerCapture(e.pointerId);
      canvas.focus();
    });
    canvas.addEventListener('pointermove', (e) => { if (this.pointer !== null) this.pointer = this.toCanvas(e); });
    for (const type of ['pointerup', 'pointercancel']) canvas.addEventListener(type, () => { this.pointer = null; });
  }

  toCanvas(e) {
    const rect = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - rect.left) * (this.canvas.width / rect.width), y: (e.clientY - rect.top) * (this.canvas.height / rect.height) };
  }

  /** { moveX, moveY } with each axis in -axis..axis; own: the own player's centre in canvas pixels, or null. */
  sample(own, axis, radiusPixels) {
    const keys = this.keys.axes();
    if (keys.x !== 0 || keys.y !== 0 || this.pointer === null || own === null) {
      // Full axes: the server bounds a diagonal to the length of one.
      return { moveX: keys.x * axis, moveY: keys.y * axis };
    }
    const dx = this.pointer.x - own.x;
    const dy = this.pointer.y - own.y;
    const length = Math.hypot(dx, dy);
    if (length < radiusPixels) return { moveX: 0, moveY: 0 };
    return { moveX: Math.round((dx / length) * axis), moveY: Math.round((dy / length) * axis) };
  }
}

class TagGame {
  /** rules: GET /tag.json, the players' size, speeds and durations, which the schema does not carry. */
  constructor(name, rules) {
    this.rules = rules;
    this.radius = rules.playerRadius / rules.positionScale; // world units
    this.predictor = new Predictor();
    this.canvas = $('canvas');
    this.steering = new Steering(this.canvas);
    this.interpolator = new Interpolator(100);
    this.renderer = null; // made from the first Welcome's schema
    this.schema = null;
    this.axis = 0; // the largest movement on an axis, from the schema's input field moveX
    this.tickRate = 30;
    this.seq = 0;
    this.viewTick = 0;
    this.framesDrawn = 0;
    this.refusal = null; // the server's reason, when it does not serve Tag
    this.inputTimer = null;
    this.connection = new Connection(serverBase(), socketUrl(), name, {
      welcome: (m) => this.welcome(m),
      world: (world) => this.worldChanged(world),
      event: (m) => this.gameEvent(m),
      error: (m) => this.serverError(m),
      refused: (reason) => this.log(`A malformed frame (${reason}): reconnecting`),
      matchClosed: () => this.log('Match closed: joining the next one'),
    }, GAME);
    requestAnimationFrame((t) => this.frame(t));
  }

  welcome(m) {
    if (m.schema.game !== GAME) {
      this.refuse(`This page plays Tag; the server put it in a match of ${m.schema.game}`);
      return;
    }
    this.schema = m.schema;
    this.axis = m.schema.input.find((f) => f.name === 'moveX').max;
    this.predictor.reset((p, input) => stepTagPlayer(p, input, this.rules, this.axis));
    this.renderer = new TagRenderer(this.canvas, m.schema, this.radius);
    this.tickRate = m.tickRate;
    this.interpolator.clear();
    $('hud-rate').textContent = `${m.tickRate} Hz`;
    this.log(`Joined match ${m.matchId} as player ${m.playerId}`);
    clearInterval(this.inputTimer);
    this.inputTimer = setInterval(() => this.tick(), 1000 / m.tickRate);
  }

  serverError(m) {
    if (m.code === ErrorCode.UNSUPPORTED_GAME) {
      this.refuse(`The server does not serve Tag: ${m.message}`);
      return;
    }
    this.log(`Server: ${m.message}`);
  }

  refuse(reason) {
    this.refusal = reason;
    this.log(reason);
    clearInterval(this.inputTimer);
    this.connection.stop();
  }

  get own() {
    const welcome = this.connection.welcome;
    return welcome === null ? undefined : this.connection.world.entities.get(welcome.playerId);
  }

  /** One input a tick, with the movement held now (a player who stops sends zeros, so it stops on the server too). */
  tick() {
    const { connection, renderer } = this;
    const world = connection.world;
    if (connection.status !== 'playing' || !world.hasState || world.phase === Phase.ENDED) return;
    const own = this.own;
    const now = performance.now();
    const drawn = own === undefined ? null : this.positionOf(own, now);
    const pixels = renderer.scale / renderer.unit;
    const centre = drawn === null ? null : { x: drawn.x * pixels, y: drawn.y * pixels };
    const input = this.steering.sample(centre, this.axis, this.radius * renderer.scale);
    input.seq = ++this.seq;
    this.viewTick = this.interpolator.displayedTick(now);
    connection.sendInput(input.seq, this.viewTick, input);
    this.predictor.apply(input, true);
  }

  worldChanged(world) {
    this.interpolator.push(performance.now(), world);
    const own = this.own;
    if (own !== undefined) {
      const { x, y, vx, vy, it } = own.fields;
      this.predictor.reconcile({ x, y, vx, vy, it }, this.connection.ack, world.phase !== Phase.ENDED);
    }
    this.updateSidebar(world);
  }

  // The own player is predicted (its input shows at once), the others interpolated in the past.
  positionOf(e, time) {
    if (e.id === this.connection.welcome?.playerId && this.predictor.state !== null) return this.predictor.state;
    return this.interpolator.sample(e.id, time) ?? e.fields;
  }

  frame(time) {
    const world = this.connection.world;
    if (world.hasState && this.renderer !== null) {
      this.renderer.draw(world, this.connection.welcome?.playerId, (e) => this.positionOf(e, time), this.tickRate, this.statusText());
      this.framesDrawn++;
    }
    $('hud-ping').textContent = this.connection.rttMs === null ? '-' : `${this.connection.rttMs} ms`;
    const status = this.statusText();
    if ($('hud-status').textContent !== status) $('hud-status').textContent = status;
    requestAnimationFrame((t) => this.frame(t));
  }

  /** The players as the server ranks them: score (seconds not it) first, then tags, then the earlier id. */
  standings(world) {
    const players = [...world.entities.values()].filter((e) => e.kindName === 'player');
    return players.sort((a, b) => (b.fields.score - a.fields.score) || (b.fields.tags - a.fields.tags) || (a.id - b.id));
  }

  updateSidebar(world) {
    const own = this.own;
    const it = [...world.entities.values()].find((e) => e.kindName === 'player' && e.fields.it === 1);
    $('hud-it').textContent = it === undefined ? '-' : it === own ? 'you!' : it.name;
    $('hud-score').textContent = own === undefined ? '-' : `${own.fields.score} s`;
    $('hud-tags').textContent = own === undefined ? '-' : String(own.fields.tags);
    const rows = this.standings(world).map((p) => {
      const li = document.createElement('li');
      li.textContent = `${p.name} · ${p.fields.score} s · ${p.fields.tags} tags${p.fields.it === 1 ? ' · it' : ''}`;
      li.classList.toggle('me', p === own);
      li.classList.toggle('it', p.fields.it === 1);
      return li;
    });
    $('scoreboard').replaceChildren(...rows);
  }

  /** What the player is waiting for, in words: the connection's state, or, once in a match, its phase. */
  statusText() {
    if (this.refusal !== null) return this.refusal;
    const { connection } = this;
    const world = connection.world;
    if (connection.status !== 'playing' || !world.hasState) return connection.status;
    switch (world.phase) {
      case Phase.WAITING: return world.entities.size < 2 ? 'waiting for a second player' : 'waiting for players';
      case Phase.COUNTDOWN: return `starting in ${Math.ceil(world.phaseTicksLeft / this.tickRate)} s`;
      case Phase.ENDED: return 'match over';
      default: return this.own?.fields.it === 1 ? 'you are it: tag someone' : 'run!';
    }
  }

  gameEvent(m) {
    const name = (id) => this.connection.world.entities.get(id)?.name ?? `#${id}`;
    switch (m.kind) {
      case EventKind.KILL: this.log(`${name(m.subject)} tagged ${name(m.object)}`); break;
      case EventKind.PLAYER_JOINED: this.log(`${name(m.subject)} joined`); break;
      case EventKind.PLAYER_LEFT: this.log(`${name(m.subject)} left`); break;
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
    const copy = (e) => ({ id: e.id, name: e.name, ...e.fields });
    const own = this.own;
    return {
      status: c.status,
      protocol: c.socket?.protocol ?? null,
      game: this.schema?.game ?? null,
      refusal: this.refusal,
      playerId: c.welcome?.playerId ?? null,
      matchId: c.welcome?.matchId ?? null,
      tickRate: this.tickRate,
      tick: c.world.tick,
      phase: c.world.phase,
      phaseTicksLeft: c.world.phaseTicksLeft,
      players: this.standings(c.world).map(copy),
      own: own === undefined ? null : copy(own),
      predicted: this.predictor.state === null ? null : { ...this.predictor.state },
      pendingInputs: this.predictor.pending.length,
      corrections: this.predictor.corrections,
      sent: this.seq,
      ack: c.ack,
      refusals: c.refusals,
      framesDrawn: this.framesDrawn,
    };
  }
}

onJoin(async (name) => {
  const game = new TagGame(name, await loadTagRules(serverBase()));
  Object.defineProperty(window, 'gameState', { get: () => game.snapshot() });
  $('canvas').focus();
});
