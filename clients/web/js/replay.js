// The replay page, /replay/{id}, for any game. The server re-simulates the recorded match from its inputs and answers
// GET /replays/{id}/frames (protocol.md, "Replays (HTTP)"): a header [schema, tickRate], then protocol v2 Snapshots
// (the first tick and every 30th) and Deltas back to back. The schema's game picks the renderer; the v2 state decoder
// keeps the world. Seeking applies the Snapshot at or before the tick, then the Deltas up to it.
import { decodeMulti } from '../vendor/msgpack/index.mjs';
import { loadArena } from './arena.js';
import { ServerType } from './codec.js';
import { messageFromArrayV2 } from './codec-v2.js';
import { Renderer } from './renderer.js';
import { GameSchema } from './schema.js';
import { SchemaStateReader } from './schema-state.js';
import { SchemaWorld } from './schema-world.js';
import { loadTagRules } from './tag-rules.js';
import { TagRenderer } from './tag-renderer.js';
import { WorldView } from './world-view.js';

const $ = (id) => document.getElementById(id);
const replayId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

// Per game, its renderer, made from the server's rules document (the sizes a schema does not carry).
const RENDERERS = new Map([
  ['arena', async (canvas) => new Renderer(canvas, await loadArena(location.origin))],
  ['tag', async (canvas, schema) => {
    const rules = await loadTagRules(location.origin);
    return new TagRenderer(canvas, schema, rules.playerRadius / rules.positionScale);
  }],
]);

class Player {
  constructor(replay, renderer) {
    this.frames = replay.frames;
    this.tickRate = replay.tickRate;
    this.renderer = renderer;
    this.world = new SchemaWorld(replay.schema);
    this.reader = new SchemaStateReader(replay.schema);
    this.view = new WorldView();
    this.index = -1;
    this.position = 0;
    this.speed = 1;
    this.playing = false;
    this.last = 0;
    // The Snapshot each frame is replayed from.
    this.keyframes = [];
    let key = 0;
    this.frames.forEach((f, i) => { if (f.type === ServerType.SNAPSHOT) key = i; this.keyframes.push(key); });
  }

  show(index) {
    index = Math.max(0, Math.min(this.frames.length - 1, index));
    if (index === this.index + 1 && this.index >= 0) {
      this.reader.apply(this.frames[index], this.world);
    } else {
      for (let i = this.keyframes[index]; i <= index; i++) this.reader.apply(this.frames[i], this.world);
    }
    this.index = index;
    this.draw();
  }

  draw() {
    // The world in the schema's view, as a live page's connection gives it to the same renderers.
    this.view.set(this.world, this.world.entities());
    this.renderer.draw(this.view, 0, (e) => e.fields, this.tickRate, null);
    $('tick').textContent = String(this.world.tick);
    document.body.dataset.tick = String(this.world.tick);
    $('seek').value = String(this.index);
    $('scoreboard').replaceChildren(...this.view.standings().map((p) => {
      const li = document.createElement('li');
      li.textContent = `${p.name ?? p.id} · ${p.fields.score}`;
      return li;
    }));
  }

  setPlaying(playing) {
    if (playing && this.index >= this.frames.length - 1) this.show(0);
    this.playing = playing;
    this.position = this.index;
    this.last = performance.now();
    $('play').textContent = playing ? 'Pause' : 'Play';
    if (playing) requestAnimationFrame((t) => this.frame(t));
  }

  frame(now) {
    if (!this.playing) return;
    this.position += ((now - this.last) / 1000) * this.tickRate * this.speed;
    this.last = now;
    const index = Math.floor(this.position);
    if (index !== this.index) this.show(index);
    if (this.index >= this.frames.length - 1) { this.setPlaying(false); return; }
    requestAnimationFrame((t) => this.frame(t));
  }
}

/** GET /replays/{id}/frames, read: { schema, tickRate, frames } with each frame as codec-v2.js decodes it. */
async function loadReplay(id) {
  const response = await fetch(`/replays/${encodeURIComponent(id)}/frames`);
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.detail ?? `GET /replays/${id}/frames answered ${response.status}`);
  }
  const values = decodeMulti(new Uint8Array(await response.arrayBuffer()));
  const header = values.next().value;
  if (!Array.isArray(header) || header.length < 2 || !Number.isInteger(header[1]) || header[1] < 1) {
    throw new Error('The replay does not start with [schema, tickRate].');
  }
  const frames = [];
  for (const array of values) {
    const frame = messageFromArrayV2(array);
    if (frame?.type !== ServerType.SNAPSHOT && frame?.type !== ServerType.DELTA) throw new Error('A replay frame is not a Snapshot or a Delta.');
    frames.push(frame);
  }
  return { schema: GameSchema.fromArray(header[0]), tickRate: header[1], frames };
}

async function main() {
  const replay = await loadReplay(replayId);
  const { schema, frames } = replay;
  const makeRenderer = RENDERERS.get(schema.game);
  if (makeRenderer === undefined) throw new Error(`This page has no renderer for ${schema.game}.`);
  if (frames.length === 0) throw new Error('The replay holds no ticks.');
  const player = new Player(replay, await makeRenderer($('canvas'), schema));
  document.body.dataset.game = schema.game;
  const seek = $('seek');
  seek.max = String(frames.length - 1);
  $('ticks').textContent = String(frames[frames.length - 1].tick);
  $('about').textContent = `${replayId}: ${schema.game}, ${frames.length} ticks at ${replay.tickRate} Hz.`;
  $('play').addEventListener('click', () => player.setPlaying(!player.playing));
  seek.addEventListener('input', () => { player.show(Number(seek.value)); player.position = player.index; });
  for (const button of document.querySelectorAll('#speeds .speed')) {
    button.addEventListener('click', () => {
      player.speed = Number(button.dataset.speed);
      for (const b of document.querySelectorAll('#speeds .speed')) b.setAttribute('aria-pressed', String(b === button));
    });
  }
  for (const control of [$('play'), seek]) control.disabled = false;
  player.show(0);
  $('status').textContent = 'ready';
}

main().catch((error) => { $('status').textContent = `error: ${error.message}`; });
