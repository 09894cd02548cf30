// The match's world as the server holds it, kept bit-exact by applying snapshots and deltas (protocol.md, "Delta").
import { CHANGE_FIELDS, entityFromArray, Phase } from './codec.js';

export class World {
  constructor() {
    this.clear();
  }

  clear() {
    this.tick = 0;
    this.phase = Phase.WAITING;
    this.phaseTicksLeft = 0;
    /** @type {Map<number, object>} entities by id */
    this.entities = new Map();
    this.hasState = false;
  }

  applySnapshot(message) {
    this.entities.clear();
    for (const array of message.entities) {
      const entity = entityFromArray(array);
      this.entities.set(entity.id, entity);
    }
    this.setHeader(message);
    this.hasState = true;
  }

  /** Applies a delta; returns false (and changes nothing) when its base is not the world held. */
  applyDelta(message) {
    if (!this.hasState || message.baseTick !== this.tick) {
      return false;
    }
    for (const array of message.spawned) {
      const entity = entityFromArray(array);
      this.entities.set(entity.id, entity);
    }
    for (const change of message.changed) {
      const entity = this.entities.get(change[0]);
      if (entity === undefined) {
        continue;
      }
      const mask = change[1];
      let index = 2;
      for (let bit = 0; bit < CHANGE_FIELDS.length; bit++) {
        if (mask & (1 << bit)) {
          entity[CHANGE_FIELDS[bit]] = change[index++];
        }
      }
    }
    for (const id of message.removed) {
      this.entities.delete(id);
    }
    this.setHeader(message);
    return true;
  }

  setHeader(message) {
    this.tick = message.tick;
    this.phase = message.phase;
    this.phaseTicksLeft = message.phaseTicksLeft;
  }

  /** The players, best score first (ties by id, as the server's standings). */
  standings() {
    const players = [];
    for (const e of this.entities.values()) {
      if (e.kind === 1) {
        players.push(e);
      }
    }
    return players.sort((a, b) => (b.score - a.score) || (a.id - b.id));
  }
}
