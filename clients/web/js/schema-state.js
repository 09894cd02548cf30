// Applies v2 snapshots and deltas (docs/netcode-v2.md, "Snapshot state" and "Delta state") to a SchemaWorld, driven
// by the schema alone, bit-exact with the server's SchemaStateReader. Every byte is untrusted: a malformed state throws
// an Error (which the caller turns into a close) and leaves the world untouched, since the new one is built aside and
// swapped in at the end.
import { BitReader } from './bits.js';
import { ServerType } from './codec.js';
import { Prediction } from './schema.js';
import { SchemaWorld } from './schema-world.js';

/** The most ticks a delta may span: keeps every prediction exact in numbers (|elapsed × velocity| < 2^47). */
export const MAX_DELTA_TICKS = 65535;
/** The most entities in a world or a list. */
export const MAX_ENTITIES = 8192;
/** The longest entity name in UTF-8 bytes. */
export const MAX_NAME_BYTES = 64;

// fatal: a name that is not UTF-8 is malformed; ignoreBOM: a leading U+FEFF stays in the name, as .NET keeps it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class SchemaStateReader {
  /** @param {import('./schema.js').GameSchema} schema */
  constructor(schema) {
    this.schema = schema;
    this.next = new SchemaWorld(schema);
  }

  /** Applies a Snapshot (which replaces the world) or a Delta (at the world's tick), as codec-v2.js decodes them. */
  apply(message, world) {
    if (world.schema !== this.schema) throw new Error("The world is of another schema than the reader's.");
    if (message.type === ServerType.SNAPSHOT) this.readSnapshot(message, world);
    else if (message.type === ServerType.DELTA) this.readDelta(message, world);
    else throw new Error(`Message type ${message.type} carries no state.`);
  }

  readSnapshot(message, world) {
    const next = this.begin(message);
    const bits = new BitReader(message.state);
    this.readSpawnedList(bits);
    bits.end();
    world.swapWith(next);
  }

  readDelta(message, world) {
    if (message.baseTick !== world.tick) {
      throw new Error("A delta's base tick is not the tick of the world it is applied to.");
    }
    if (message.tick < world.tick || message.tick - world.tick > MAX_DELTA_TICKS) {
      throw new Error('A delta spans 0 to 65535 ticks forward.');
    }
    const next = this.begin(message);
    const bits = new BitReader(message.state);
    const removed = this.readRemoved(bits, world.count);
    this.applyChanged(bits, world, removed, message.tick - world.tick);
    const survivors = next.count;
    this.readSpawnedList(bits);
    bits.end();
    if (next.count > survivors && survivors > 0 && next.ids[survivors] <= next.ids[survivors - 1]) {
      this.mergeSpawned(survivors);
    }
    world.swapWith(next);
  }

  begin(message) {
    const next = this.next;
    next.clear();
    next.tick = message.tick;
    next.phase = message.phase;
    next.phaseTicksLeft = message.phaseTicksLeft;
    return next;
  }

  /** The base's removed entities, marked: ascending indices as gaps. */
  readRemoved(bits, baseCount) {
    const removed = new Uint8Array(baseCount);
    const count = readCount(bits);
    for (let k = 0, index = -1; k < count; k++) {
      index = readIndex(bits, index, baseCount);
      removed[index] = 1;
    }
    return removed;
  }

  /** Copies the base's survivors into the new world, each field predicted, then corrected where the changed list says. */
  applyChanged(bits, world, removed, elapsed) {
    const { schema, next } = this;
    const stride = world.stride;
    let count = readCount(bits);
    let nextChanged = count > 0 ? readIndex(bits, -1, world.count) : -1;
    for (let i = 0; i < world.count; i++) {
      if (removed[i]) {
        if (i === nextChanged) throw new Error('A delta changes an entity it removes.');
        continue;
      }
      const kind = world.kinds[i];
      const index = next.add(world.ids[i], kind, world.names[i]);
      const fields = schema.kindFields[kind];
      const changed = i === nextChanged;
      // The mask: one bit per field of the kind, the first field's bit first.
      const mask = fields.map(() => (changed ? bits.read(1) : 0));
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k];
        const field = schema.fields[f];
        const before = world.values[i * stride + f];
        let value = before;
        if (field.prediction === Prediction.VELOCITY && schema.kindHasField(kind, field.velocity)) {
          // The velocity at the new tick, decoded already: it is declared first.
          value = field.wrapValue(before + elapsed * next.values[index * stride + field.velocity]);
        }
        if (mask[k]) {
          value = field.prediction === Prediction.NONE ? readAbsolute(bits, field) : field.wrapValue(value + bits.readSigned());
        }
        next.values[index * stride + f] = value;
      }
      if (changed) nextChanged = --count > 0 ? readIndex(bits, nextChanged, world.count) : -1;
    }
  }

  /** Appends a list of spawned entities, ids ascending as gaps, to the new world. */
  readSpawnedList(bits) {
    const { schema, next } = this;
    const count = readCount(bits);
    for (let k = 0, previousId = -1; k < count; k++) {
      const id = previousId + 1 + bits.readVar();
      if (id > 0xffffffff) throw new Error('An entity id is above 2^32 - 1.');
      if (next.count >= MAX_ENTITIES) throw new Error('A world may hold at most 8192 entities.');
      previousId = id;
      const kind = bits.read(schema.kindBits);
      if (kind >= schema.kinds.length) throw new Error('Unknown entity kind.');
      const name = schema.kinds[kind].hasName ? readName(bits) : null;
      const index = next.add(id, kind, name);
      for (const f of schema.kindFields[kind]) next.values[index * next.stride + f] = readAbsolute(bits, schema.fields[f]);
    }
  }

  /**
   * Puts spawned entities (appended in id order after the survivors) in their places. Ids are issued ascending, so a
   * spawn is almost always above every survivor and this is not reached.
   */
  mergeSpawned(survivors) {
    const next = this.next;
    for (let j = survivors; j < next.count; j++) {
      // [0, j) is sorted: the survivors, and the spawns already put in place.
      const id = next.ids[j];
      let lo = 0;
      let hi = j;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (next.ids[mid] < id) lo = mid + 1;
        else hi = mid;
      }
      if (lo < j && next.ids[lo] === id) throw new Error('A delta spawns an entity that its base still holds.');
      if (lo < j) next.moveDown(j, lo);
    }
  }
}

function readAbsolute(bits, field) {
  const offset = bits.read(field.width);
  if (offset >= field.range) throw new Error("A value is outside its field's range.");
  return field.min + offset;
}

function readName(bits) {
  const length = bits.readVar();
  if (length > MAX_NAME_BYTES) throw new Error('A name is over 64 bytes.');
  const bytes = new Uint8Array(length);
  for (let k = 0; k < length; k++) bytes[k] = bits.read(8);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error('A name is not UTF-8.');
  }
}

function readCount(bits) {
  const count = bits.readVar();
  if (count > MAX_ENTITIES) throw new Error('A list may hold at most 8192 entities.');
  return count;
}

/** The next index of an ascending list into the base: a gap after the previous one, and inside the base. */
function readIndex(bits, previous, baseCount) {
  const index = previous + 1 + bits.readVar();
  if (index >= baseCount) throw new Error('A delta refers past the end of its base.');
  return index;
}
