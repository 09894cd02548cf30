// Keyboard and mouse state, sampled once per tick into an input.
import { angleFromRadians } from './arena.js';

const KEYS = {
  KeyW: 'up', ArrowUp: 'up', KeyS: 'down', ArrowDown: 'down',
  KeyA: 'left', ArrowLeft: 'left', KeyD: 'right', ArrowRight: 'right',
};

export class Controls {
  constructor(canvas, arena) {
    this.canvas = canvas;
    this.arena = arena;
    this.held = new Set();
    this.mouse = null;
    this.firing = false;
    window.addEventListener('keydown', (e) => this.key(e, true));
    window.addEventListener('keyup', (e) => this.key(e, false));
    window.addEventListener('blur', () => this.held.clear());
    canvas.addEventListener('mousemove', (e) => { this.mouse = this.toCanvas(e); });
    canvas.addEventListener('mousedown', (e) => { this.mouse = this.toCanvas(e); this.firing = true; canvas.focus(); });
    window.addEventListener('mouseup', () => { this.firing = false; });
  }

  key(e, down) {
    const direction = KEYS[e.code];
    if (direction === undefined || e.target instanceof HTMLInputElement) return;
    e.preventDefault();
    if (down) this.held.add(direction); else this.held.delete(direction);
  }

  /** Mouse position in canvas pixels. */
  toCanvas(e) {
    const rect = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - rect.left) * (this.canvas.width / rect.width), y: (e.clientY - rect.top) * (this.canvas.height / rect.height) };
  }

  /** The movement and buttons now; aim points from the own player (in canvas pixels) to the mouse. */
  sample(ownPixel, previousAim) {
    const moveX = (this.held.has('right') ? 1 : 0) - (this.held.has('left') ? 1 : 0);
    const moveY = (this.held.has('down') ? 1 : 0) - (this.held.has('up') ? 1 : 0);
    let aim = previousAim;
    if (this.mouse !== null && ownPixel !== null) {
      aim = angleFromRadians(Math.atan2(this.mouse.y - ownPixel.y, this.mouse.x - ownPixel.x), this.arena);
    }
    // The server clamps a diagonal to length 127; sending full axes keeps the client's arithmetic identical.
    const axis = this.arena.maxMoveAxis;
    return { moveX: moveX * axis, moveY: moveY * axis, aim, buttons: this.firing ? 1 : 0 };
  }
}
