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

  /** Remembers the positions of a world (a WorldView) at the local time it arrived. */
  push(time, world) {
    const positions = new Map();
    for (const e of world.entities.values()) {
      const { x, y, aim = 0 } = e.fields; // a pickup does not aim
      positions.set(e.id, { x, y, aim });
    }
    this.states.push({ time, tick: world.tick, positions });
    // One second of history is far more than the delay needs.
    while (this.states.length > 2 && this.states[0].time < time - 1000) {
      this.states.shift();
    }
  }

  /** The index of the older state of the pair that brackets local time t (the newest pair past it); -1 before the first pair. */
  bracket(t) {
    for (let i = this.states.length - 1; i > 0; i--) {
      if (this.states[i - 1].time <= t) return i - 1;
    }
    return -1;
  }

  /**
   * The world tick drawn at local time now: the older of the two states it interpolates between (the oldest before
   * the first pair, the newest past it); 0 with no state. Sent with each input so the server judges the shot against
   * what was on the screen (protocol.md, "Lag compensation").
   */
  displayedTick(now) {
    const states = this.states;
    if (states.length === 0) return 0;
    const t = now - this.delayMs;
    const i = this.bracket(t);
    if (i < 0) return states[0].tick;
    return states[i + 1].time <= t ? states[i + 1].tick : states[i].tick;
  }

  /** Where an entity is drawn at local time now; null when it was not in any state at that time. */
  sample(id, now) {
    const t = now - this.delayMs;
    const states = this.states;
    const i = this.bracket(t);
    if (i < 0) {
      // Older than the history (just joined): the oldest position there is.
      return states.length > 0 ? states[0].positions.get(id) ?? null : null;
    }
    const a = states[i];
    const b = states[i + 1];
    const pa = a.positions.get(id);
    const pb = b.positions.get(id);
    if (pa === undefined) return pb ?? null;
    if (pb === undefined) return pa;
    const f = Math.min(1, (t - a.time) / Math.max(1, b.time - a.time));
    return { x: pa.x + (pb.x - pa.x) * f, y: pa.y + (pb.y - pa.y) * f, aim: lerpAngle(pa.aim, pb.aim, f) };
  }
}

function lerpAngle(a, b, f) {
  let d = (b - a) & 0xffff;
  if (d > 32768) d -= 65536;
  return (a + d * f) & 0xffff;
}
