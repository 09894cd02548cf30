// The replay page, /replay/{id}. The server re-simulates the recorded match from its inputs and answers
// GET /replays/{id}/frames: protocol v1 frames back to back, a Snapshot every 30 ticks and a Delta for every other
// tick. The page keeps them decoded; seeking applies the Snapshot at or before the tick, then the Deltas up to it.
import { decodeMulti } from '../vendor/msgpack/index.mjs';
import { loadArena } from './arena.js';
import { messageFromArray, ServerType } from './codec.js';
import { Renderer } from './renderer.js';
import { entityView, World } from './world.js';
import { WorldView } from './world-view.js';

const $ = (id) => document.getElementById(id);
const replayId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

class Player {
  constructor(arena, frames) {
    this.frames = frames;
    this.tickRate = arena.tickRate;
    this.renderer = new Renderer($('canvas'), arena);
    this.world = new World();
    this.view = new WorldView();
    this.index = -1;
    this.position = 0;
    this.speed = 1;
    this.playing = false;
    this.last = 0;
    // The Snapshot each frame is replayed from.
    this.keyframes = [];
    let key = 0;
    frames.forEach((f, i) => { if (f.type === ServerType.SNAPSHOT) key = i; this.keyframes.push(key); });
  }

  show(index) {
    index = Math.max(0, Math.min(this.frames.length - 1, index));
    if (index !== this.index + 1 || !this.world.hasState || !this.applyFrame(this.frames[index])) {
      const from = this.keyframes[index];
      this.world.applySnapshot(this.frames[from]);
      for (let i = from + 1; i <= index; i++) this.applyFrame(this.frames[i]);
    }
    this.index = index;
    this.draw();
  }

  applyFrame(frame) {
    if (frame.type === ServerType.SNAPSHOT) { this.world.applySnapshot(frame); return true; }
    return this.world.applyDelta(frame);
  }

  draw() {
    this.view.set(this.world, mapValues(this.world.entities, entityView));
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

function* mapValues(map, f) {
  for (const value of map.values()) yield f(value);
}

async function loadFrames(id) {
  const response = await fetch(`/replays/${encodeURIComponent(id)}/frames`);
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.detail ?? `GET /replays/${id}/frames answered ${response.status}`);
  }
  const frames = [];
  for (const array of decodeMulti(new Uint8Array(await response.arrayBuffer()))) frames.push(messageFromArray(array));
  return frames;
}

async function main() {
  const [arena, frames] = await Promise.all([loadArena(location.origin), loadFrames(replayId)]);
  if (frames.length === 0) throw new Error('The replay holds no ticks.');
  const player = new Player(arena, frames);
  const seek = $('seek');
  seek.max = String(frames.length - 1);
  $('ticks').textContent = String(frames[frames.length - 1].tick);
  $('about').textContent = `${replayId}: ${frames.length} ticks at ${arena.tickRate} Hz.`;
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
