// Other entities are drawn where they were a little in the past (the delay), between the two server states that
// bracket that moment, so they move smoothly although states arrive 30 times a second and unevenly.

export class Interpolator {
  constructor(delayMs = 100) {
    this.delayMs = delayMs;
    this.states = [];
  }

  clear() {
    this.states.length = 0;
  }

  /** Remembers the positions of a world at the local time it arrived. */
  push(time, world) {
    const positions = new Map();
    for (const e of world.entities.values()) {
      positions.set(e.id, { x: e.x, y: e.y, aim: e.aim });
    }
    this.states.push({ time, positions });
    // One second of history is far more than the delay needs.
    while (this.states.length > 2 && this.states[0].time < time - 1000) {
      this.states.shift();
    }
  }

  /** Where an entity is drawn at local time now; null when it was not in any state at that time. */
  sample(id, now) {
    const t = now - this.delayMs;
    const states = this.states;
    for (let i = states.length - 1; i > 0; i--) {
      const a = states[i - 1];
      if (a.time <= t) {
        const b = states[i];
        const pa = a.positions.get(id);
        const pb = b.positions.get(id);
        if (pa === undefined) return pb ?? null;
        if (pb === undefined) return pa;
        const f = Math.min(1, (t - a.time) / Math.max(1, b.time - a.time));
        return { x: pa.x + (pb.x - pa.x) * f, y: pa.y + (pb.y - pa.y) * f, aim: lerpAngle(pa.aim, pb.aim, f) };
      }
    }
    // Older than the history (just joined): the oldest position there is.
    return states.length > 0 ? states[0].positions.get(id) ?? null : null;
  }
}

function lerpAngle(a, b, f) {
  let d = (b - a) & 0xffff;
  if (d > 32768) d -= 65536;
  return (a + d * f) & 0xffff;
}
