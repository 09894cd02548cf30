// What the pages draw and show: a world's lifecycle and its entities in the schema's view (SchemaWorld.entityAt:
// { id, kind, kindName, name, fields by name }, in wire units), filled from a v2 SchemaWorld: by a live page's
// connection, and by the replay page from the world its frames build.
import { Phase } from './codec.js';

export class WorldView {
  constructor() {
    this.clear();
  }

  clear() {
    this.tick = 0;
    this.phase = Phase.WAITING;
    this.phaseTicksLeft = 0;
    /** @type {Map<number, object>} entity views by id */
    this.entities = new Map();
    this.hasState = false;
  }

  /** Takes the header of `world` (tick, phase, phaseTicksLeft) and these entity views. */
  set(world, entities) {
    this.tick = world.tick;
    this.phase = world.phase;
    this.phaseTicksLeft = world.phaseTicksLeft;
    this.entities = new Map();
    for (const e of entities) this.entities.set(e.id, e);
    this.hasState = true;
  }

  /** The players, best score first (ties by id, as the server's standings). */
  standings() {
    const players = [];
    for (const e of this.entities.values()) {
      if (e.kindName === 'player') players.push(e);
    }
    return players.sort((a, b) => (b.fields.score - a.fields.score) || (a.id - b.id));
  }
}
