// Draws one frame of the arena: walls, pickups, projectiles, players with names and health, and the phase banner.
// Entities come as the schema's view gives them (world-view.js): kinds and fields by name, nothing of a wire layout.
import { clearCanvas, drawGrid, drawPhaseBanner, line } from './draw.js';
import { Flags } from './codec.js';

const HEALTH_PICKUP = 1; // Arena's pickup field: 1 health, 2 score orb

const COLORS = ['#5fb3ff', '#ff6b6b', '#51cf66', '#ffd43b', '#cc5de8', '#ff922b', '#22b8cf', '#f783ac'];

// Draws in world units: the server's sizes (GET /arena.json, in position units) divided by its position scale.
export class Renderer {
  constructor(canvas, arena) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    const unit = arena.positionScale;
    this.unit = unit;
    this.width = arena.width / unit;
    this.height = arena.height / unit;
    this.walls = arena.walls.map((w) => w.map((v) => v / unit));
    this.playerRadius = arena.player.radius / unit;
    this.projectileRadius = arena.projectile.radius / unit;
    this.pickupRadius = arena.pickup.radius / unit;
    this.maxHealth = arena.player.maxHealth;
    this.angleUnits = arena.angleUnitsPerTurn;
    this.scale = canvas.width / this.width;
  }

  /** world: a WorldView; positionOf(entity) says where to draw an entity (predicted for the own player, interpolated for the rest). */
  /** status says what a waiting player waits for (the HUD's words), shown on the banner before the match runs. */
  draw(world, ownId, positionOf, tickRate, status) {
    const { ctx, scale } = this;
    clearCanvas(ctx, scale);
    this.drawFloor();
    for (const e of world.entities.values()) {
      const p = positionOf(e);
      if (p === null) continue;
      const x = p.x / this.unit;
      const y = p.y / this.unit;
      if (e.kindName === 'pickup') this.drawPickup(e, x, y);
      else if (e.kindName === 'projectile') this.drawProjectile(x, y);
      else if (e.kindName === 'player') this.drawPlayer(e, x, y, p.aim, e.id === ownId);
    }
    drawPhaseBanner(this.ctx, this.width / 2, world, tickRate, status);
  }

  drawFloor() {
    const { ctx } = this;
    drawGrid(ctx, this.width, this.height, '#161d2b');
    ctx.fillStyle = '#34405a';
    for (const [l, t, r, b] of this.walls) ctx.fillRect(l, t, r - l, b - t);
  }

  drawPickup(e, x, y) {
    const { ctx } = this;
    const health = e.fields.pickup === HEALTH_PICKUP;
    ctx.fillStyle = health ? '#51cf66' : '#ffd43b';
    ctx.beginPath();
    ctx.arc(x, y, this.pickupRadius, 0, Math.PI * 2);
    ctx.fill();
    if (health) {
      ctx.fillStyle = '#0b0f16';
      ctx.fillRect(x - 7, y - 2, 14, 4);
      ctx.fillRect(x - 2, y - 7, 4, 14);
    }
  }

  drawProjectile(x, y) {
    const { ctx } = this;
    ctx.fillStyle = '#fff3bf';
    ctx.beginPath();
    ctx.arc(x, y, this.projectileRadius, 0, Math.PI * 2);
    ctx.fill();
  }

  drawPlayer(e, x, y, aim, own) {
    const { ctx } = this;
    const { flags, health } = e.fields;
    const alive = (flags & Flags.ALIVE) !== 0;
    ctx.globalAlpha = alive ? 1 : 0.25;
    const angle = (aim / this.angleUnits) * Math.PI * 2;
    ctx.strokeStyle = '#e6e9ef';
    ctx.lineWidth = 6;
    line(ctx, x, y, x + Math.cos(angle) * 34, y + Math.sin(angle) * 34);
    ctx.fillStyle = COLORS[e.id % COLORS.length];
    ctx.beginPath();
    ctx.arc(x, y, this.playerRadius, 0, Math.PI * 2);
    ctx.fill();
    if (own || (flags & Flags.SPAWN_PROTECTED) !== 0) {
      ctx.strokeStyle = own ? '#ffffff' : '#8b93a7';
      ctx.lineWidth = 4;
      ctx.stroke();
    }
    ctx.fillStyle = '#1f2637';
    ctx.fillRect(x - 24, y - 36, 48, 6);
    const share = health / this.maxHealth;
    ctx.fillStyle = share > 0.5 ? '#51cf66' : share > 0.25 ? '#ffd43b' : '#ff6b6b';
    ctx.fillRect(x - 24, y - 36, 48 * Math.max(0, share), 6);
    ctx.fillStyle = '#e6e9ef';
    ctx.font = '600 22px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(e.name ?? '', x, y - 44);
    ctx.globalAlpha = 1;
  }
}
