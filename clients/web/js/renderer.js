// Draws one frame of the arena: walls, pickups, projectiles, players with names and health, and the phase banner.
import { Flags, Kind, Phase } from './codec.js';
import { POSITION_SCALE, WALLS, WORLD_HEIGHT, WORLD_WIDTH } from './arena.js';

const PLAYER_RADIUS = 20;
const COLORS = ['#5fb3ff', '#ff6b6b', '#51cf66', '#ffd43b', '#cc5de8', '#ff922b', '#22b8cf', '#f783ac'];

export class Renderer {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.scale = canvas.width / WORLD_WIDTH;
  }

  /** positionOf(entity) says where to draw an entity (predicted for the own player, interpolated for the rest). */
  draw(world, ownId, positionOf, tickRate) {
    const { ctx, scale } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#0b0f16';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    this.drawFloor();
    for (const e of world.entities.values()) {
      const p = positionOf(e);
      if (p === null) continue;
      const x = p.x / POSITION_SCALE;
      const y = p.y / POSITION_SCALE;
      if (e.kind === Kind.PICKUP) this.drawPickup(e, x, y);
      else if (e.kind === Kind.PROJECTILE) this.drawProjectile(x, y);
      else if (e.kind === Kind.PLAYER) this.drawPlayer(e, x, y, p.aim, e.id === ownId);
    }
    this.drawBanner(world, tickRate);
  }

  drawFloor() {
    const { ctx } = this;
    ctx.strokeStyle = '#161d2b';
    ctx.lineWidth = 2;
    for (let x = 100; x < WORLD_WIDTH; x += 100) line(ctx, x, 0, x, WORLD_HEIGHT);
    for (let y = 100; y < WORLD_HEIGHT; y += 100) line(ctx, 0, y, WORLD_WIDTH, y);
    ctx.fillStyle = '#34405a';
    for (const [l, t, r, b] of WALLS) ctx.fillRect(l, t, r - l, b - t);
  }

  drawPickup(e, x, y) {
    const { ctx } = this;
    ctx.fillStyle = e.aux === 1 ? '#51cf66' : '#ffd43b';
    ctx.beginPath();
    ctx.arc(x, y, 12, 0, Math.PI * 2);
    ctx.fill();
    if (e.aux === 1) {
      ctx.fillStyle = '#0b0f16';
      ctx.fillRect(x - 7, y - 2, 14, 4);
      ctx.fillRect(x - 2, y - 7, 4, 14);
    }
  }

  drawProjectile(x, y) {
    const { ctx } = this;
    ctx.fillStyle = '#fff3bf';
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, Math.PI * 2);
    ctx.fill();
  }

  drawPlayer(e, x, y, aim, own) {
    const { ctx } = this;
    const alive = (e.flags & Flags.ALIVE) !== 0;
    ctx.globalAlpha = alive ? 1 : 0.25;
    const angle = (aim / 65536) * Math.PI * 2;
    ctx.strokeStyle = '#e6e9ef';
    ctx.lineWidth = 6;
    line(ctx, x, y, x + Math.cos(angle) * 34, y + Math.sin(angle) * 34);
    ctx.fillStyle = COLORS[e.id % COLORS.length];
    ctx.beginPath();
    ctx.arc(x, y, PLAYER_RADIUS, 0, Math.PI * 2);
    ctx.fill();
    if (own || (e.flags & Flags.SPAWN_PROTECTED) !== 0) {
      ctx.strokeStyle = own ? '#ffffff' : '#8b93a7';
      ctx.lineWidth = 4;
      ctx.stroke();
    }
    ctx.fillStyle = '#1f2637';
    ctx.fillRect(x - 24, y - 36, 48, 6);
    ctx.fillStyle = e.health > 50 ? '#51cf66' : e.health > 25 ? '#ffd43b' : '#ff6b6b';
    ctx.fillRect(x - 24, y - 36, 48 * Math.max(0, e.health) / 100, 6);
    ctx.fillStyle = '#e6e9ef';
    ctx.font = '600 22px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(e.name ?? '', x, y - 44);
    ctx.globalAlpha = 1;
  }

  drawBanner(world, tickRate) {
    const { ctx } = this;
    const seconds = Math.ceil(world.phaseTicksLeft / tickRate);
    let text;
    switch (world.phase) {
      case Phase.WAITING: text = 'Waiting for players'; break;
      case Phase.COUNTDOWN: text = `Starting in ${seconds}`; break;
      case Phase.RUNNING: text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`; break;
      default: text = `Match over · next match in ${seconds} s`; break;
    }
    ctx.font = '600 30px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = 'rgba(11, 15, 22, 0.7)';
    const width = ctx.measureText(text).width + 40;
    ctx.fillRect(WORLD_WIDTH / 2 - width / 2, 48, width, 44);
    ctx.fillStyle = world.phase === Phase.RUNNING ? '#e6e9ef' : '#ffd166';
    ctx.fillText(text, WORLD_WIDTH / 2, 81);
  }
}

function line(ctx, x1, y1, x2, y2) {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}
