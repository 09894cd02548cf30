// Keyboard and mouse state, sampled once per tick into an input.
import { angleFromRadians } from './arena.js';
import { MoveKeys } from './move-keys.js';

export class Controls {
  constructor(canvas, arena) {
    this.canvas = canvas;
    this.arena = arena;
    this.keys = new MoveKeys();
    this.mouse = null;
    this.firing = false;
    canvas.addEventListener('mousemove', (e) => { this.mouse = this.toCanvas(e); });
    canvas.addEventListener('mousedown', (e) => { this.mouse = this.toCanvas(e); this.firing = true; canvas.focus(); });
    window.addEventListener('mouseup', () => { this.firing = false; });
  }

  /** Mouse position in canvas pixels. */
  toCanvas(e) {
    const rect = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - rect.left) * (this.canvas.width / rect.width), y: (e.clientY - rect.top) * (this.canvas.height / rect.height) };
  }

  /** The movement and buttons now; aim points from the own player (in canvas pixels) to the mouse. */
  sample(ownPixel, previousAim) {
    const { x: moveX, y: moveY } = this.keys.axes();
    let aim = previousAim;
    if (this.mouse !== null && ownPixel !== null) {
      aim = angleFromRadians(Math.atan2(this.mouse.y - ownPixel.y, this.mouse.x - ownPixel.x), this.arena);
    }
    // The server clamps a diagonal to length 127; sending full axes keeps the client's arithmetic identical.
    const axis = this.arena.maxMoveAxis;
    return { moveX: moveX * axis, moveY: moveY * axis, aim, buttons: this.firing ? 1 : 0 };
  }
}
