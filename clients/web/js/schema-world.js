// A world of any game as its schema lays it out, keyed as the server's SchemaWorld is: the match's lifecycle (tick,
// phase) and the entities in ascending id order, each with a kind, a name (or null) and one integer per schema field
// in a flat array (row i at i × stride; fields its kind lacks hold 0).
import { Phase } from './codec.js';

export class SchemaWorld {
  /** @param {import('./schema.js').GameSchema} schema */
  constructor(schema) {
    this.schema = schema;
    this.stride = schema.fields.length;
    this.ids = [];
    this.kinds = [];
    this.names = [];
    this.values = [];
    this.clear();
  }

  get count() {
    return this.ids.length;
  }

  clear() {
    this.tick = 0;
    this.phase = Phase.WAITING;
    this.phaseTicksLeft = 0;
    this.ids.length = 0;
    this.kinds.length = 0;
    this.names.length = 0;
    this.values.length = 0;
  }

  /** Appends an entity with all values 0 (the decoder checks id order itself) and returns its index. */
  add(id, kind, name) {
    this.ids.push(id);
    this.kinds.push(kind);
    this.names.push(name);
    for (let f = 0; f < this.stride; f++) this.values.push(0);
    return this.ids.length - 1;
  }

  /** The index of the entity with this id (a player finds its own), or -1: a binary search. */
  indexOf(id) {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] === id) return mid;
      if (this.ids[mid] < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Exchanges the contents of two worlds of one schema: how a decoder publishes the world it built aside. */
  swapWith(other) {
    for (const key of ['tick', 'phase', 'phaseTicksLeft', 'ids', 'kinds', 'names', 'values']) {
      [this[key], other[key]] = [other[key], this[key]];
    }
  }

  /** Moves the entity at `from` down to `to`, shifting those between up by one. */
  moveDown(from, to) {
    const row = this.values.splice(from * this.stride, this.stride);
    this.values.splice(to * this.stride, 0, ...row);
    for (const list of [this.ids, this.kinds, this.names]) list.splice(to, 0, list.splice(from, 1)[0]);
  }

  /**
   * The entity at `index` for renderers: its id, kind index and name, kind's name, and its kind's fields by name.
   * With `worldUnits`, each value is divided by its field's scale (positions in world units, an angle in radians).
   */
  entityAt(index, worldUnits = false) {
    const kind = this.kinds[index];
    const fields = {};
    for (const f of this.schema.kindFields[kind]) {
      const field = this.schema.fields[f];
      const value = this.values[index * this.stride + f];
      fields[field.name] = worldUnits ? value / field.scale : value;
    }
    return { id: this.ids[index], kind, kindName: this.schema.kinds[kind].name, name: this.names[index], fields };
  }

  /** Every entity as entityAt gives it, in id order. */
  *entities(worldUnits = false) {
    for (let i = 0; i < this.ids.length; i++) yield this.entityAt(i, worldUnits);
  }
}
