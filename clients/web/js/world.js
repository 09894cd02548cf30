// The match's world as the server holds it, kept bit-exact by applying v1 snapshots and deltas (protocol.md, "Delta"):
// what the replay page reads (its frames are v1's); the play page speaks v2 (v2-session.js).
import { CHANGE_FIELDS, entityFromArray, Kind, Phase } from './codec.js';

// v1's entity in the view v2's schema gives (world-view.js): kinds by name (v2's kind index is v1's kind minus one),
// each kind's fields of Arena's schema, and aux by its meaning per kind (docs/netcode-v2.md, "Arena's schema").
const KIND_NAMES = Object.freeze(['player', 'projectile', 'pickup']);

/** A v1 entity as the schema's view of it: { id, kind, kindName, name, fields by name }. */
export function entityView(e) {
  const { x, y, vx, vy, aim } = e;
  let fields;
  switch (e.kind) {
    case Kind.PLAYER: fields = { vx, vy, x, y, aim, health: e.health, score: e.score, flags: e.flags, kills: e.aux }; break;
    case Kind.PROJECTILE: fields = { vx, vy, x, y, aim, owner: e.aux }; break;
    default: fields = { x, y, pickup: e.aux }; break;
  }
  return { id: e.id, kind: e.kind - 1, kindName: KIND_NAMES[e.kind - 1] ?? null, name: e.name, fields };
}

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
}
