// Draws one frame of Tag: the open field, every player as a circle with its name, "it" in red, an immune player
// ringed, and the phase banner. The field's size and the positions' units come from the match's schema (Welcome v2).
import { clearCanvas, drawGrid, drawPhaseBanner } from './draw.js';

const RUNNER_COLORS = ['#5fb3ff', '#51cf66', '#ffd43b', '#cc5de8', '#ff922b', '#22b8cf', '#f783ac'];
const IT_COLOR = '#ff4d4d';

export class TagRenderer {
  /**
   * @param {import('./schema.js').GameSchema} schema
   * @param {number} radius a player's radius in world units, from the rules (GET /tag.json): the schema has no sizes
   */
  constructor(canvas, schema, radius) {
    this.canvas = canvas;
    this.radius = radius;
    this.ctx = canvas.getContext('2d');
    const x = schema.fields[schema.fieldIndex('x')];
    const y = schema.fields[schema.fieldIndex('y')];
    /** Wire units (x and y) per world unit. */
    this.unit = x.scale;
    // A position is 0..size-1 in wire units: the field is as wide as x's range and as high as y's.
    this.width = (x.max + 1) / x.scale;
    this.height = (y.max + 1) / y.scale;
    this.scale = canvas.width / this.width;
    canvas.height = Math.round(this.height * this.scale);
  }

  /** world: a WorldView; positionOf(entity) says where to draw a player (in wire units); status: the HUD's words. */
  draw(world, ownId, positionOf, tickRate, status) {
    const { ctx, scale } = this;
    clearCanvas(ctx, scale);
    this.drawField();
    for (const e of world.entities.values()) {
      const p = e.kindName === 'player' ? positionOf(e) : null;
      if (p !== null) this.drawPlayer(e, p.x / this.unit, p.y / this.unit, e.id === ownId);
    }
    drawPhaseBanner(ctx, this.width / 2, world, tickRate, status);
  }

  drawField() {
    const { ctx } = this;
    ctx.fillStyle = '#14261c';
    ctx.fillRect(0, 0, this.width, this.height);
    drawGrid(ctx, this.width, this.height, '#1d3527');
    ctx.strokeStyle = '#3c6b4f';
    ctx.lineWidth = 4;
    ctx.strokeRect(2, 2, this.width - 4, this.height - 4);
  }

  drawPlayer(e, x, y, own) {
    const { ctx } = this;
    const it = e.fields.it === 1;
    if (it) {
      // A halo, so whoever is it is seen at a glance across the field.
      ctx.fillStyle = 'rgba(255, 77, 77, 0.25)';
      ctx.beginPath();
      ctx.arc(x, y, this.radius * 1.8, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = it ? IT_COLOR : RUNNER_COLORS[e.id % RUNNER_COLORS.length];
    ctx.beginPath();
    ctx.arc(x, y, this.radius, 0, Math.PI * 2);
    ctx.fill();
    if (own) {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 4;
      ctx.stroke();
    }
    if (e.fields.immune === 1) {
      // Immune (just tagged, or just freed): a dashed shield, since it cannot be tagged back yet.
      ctx.strokeStyle = '#e6e9ef';
      ctx.lineWidth = 3;
      ctx.setLineDash([6, 6]);
      ctx.beginPath();
      ctx.arc(x, y, this.radius + 8, 0, Math.PI * 2);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.textAlign = 'center';
    if (it) {
      ctx.fillStyle = '#0b0f16';
      ctx.font = '700 16px system-ui, sans-serif';
      ctx.fillText('IT', x, y + 6);
    }
    ctx.fillStyle = '#e6e9ef';
    ctx.font = '600 22px system-ui, sans-serif';
    ctx.fillText(e.name ?? '', x, y - this.radius - 14);
  }
}
