// The movement keys held now (WASD or arrows), as axes: how every game's page is steered from a keyboard.
const KEYS = {
  KeyW: 'up', ArrowUp: 'up', KeyS: 'down', ArrowDown: 'down',
  KeyA: 'left', ArrowLeft: 'left', KeyD: 'right', ArrowRight: 'right',
};

export class MoveKeys {
  constructor() {
    this.held = new Set();
    window.addEventListener('keydown', (e) => this.key(e, true));
    window.addEventListener('keyup', (e) => this.key(e, false));
    window.addEventListener('blur', () => this.held.clear());
  }

  key(e, down) {
    const direction = KEYS[e.code];
    if (direction === undefined || e.target instanceof HTMLInputElement) return;
    e.preventDefault();
    if (down) this.held.add(direction); else this.held.delete(direction);
  }

  /** -1, 0 or 1 on each axis, in the world's directions (x right, y down). */
  axes() {
    return {
      x: (this.held.has('right') ? 1 : 0) - (this.held.has('left') ? 1 : 0),
      y: (this.held.has('down') ? 1 : 0) - (this.held.has('up') ? 1 : 0),
    };
  }
}
