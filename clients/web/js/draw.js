// What every game's renderer draws alike: a floor's grid, lines, and the banner over the canvas that says what the
// match waits for, the countdown, the time left, or the end.
import { Phase } from './codec.js';

/**
 * Draws the banner centred on x (in the context's units: a field about 1000 wide). status says what a
 * waiting player waits for (the HUD's words), shown before the match runs.
 */
export function drawPhaseBanner(ctx, x, world, tickRate, status) {
  const seconds = Math.ceil(world.phaseTicksLeft / tickRate);
  let text;
  switch (world.phase) {
    case Phase.WAITING: text = status?.startsWith('waiting for') ? capitalize(status) : 'Waiting for players'; break;
    case Phase.COUNTDOWN: text = status?.startsWith('waiting for') ? capitalize(status) : `Starting in ${seconds}`; break;
    case Phase.RUNNING: text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`; break;
    default: text = `Match over · next match in ${seconds} s`; break;
  }
  ctx.font = '600 30px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillStyle = 'rgba(11, 15, 22, 0.7)';
  const width = ctx.measureText(text).width + 40;
  ctx.fillRect(x - width / 2, 48, width, 44);
  ctx.fillStyle = world.phase === Phase.RUNNING ? '#e6e9ef' : '#ffd166';
  ctx.fillText(text, x, 81);
}

const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** Blanks the whole canvas, then scales the context so the field is drawn in its own units. */
export function clearCanvas(ctx, scale) {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#0b0f16';
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
}

/** A grid line every 100 units over a field of width x height, in the stroke colour given. */
export function drawGrid(ctx, width, height, color) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  for (let x = 100; x < width; x += 100) line(ctx, x, 0, x, height);
  for (let y = 100; y < height; y += 100) line(ctx, 0, y, width, y);
}

export function line(ctx, x1, y1, x2, y2) {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}
