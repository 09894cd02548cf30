// A game's schema (docs/netcode-v2.md, "The schema"), read from its MessagePack form as Welcome v2 carries it and
// validated by the rules of the server's GameSchema: what drives the v2 state decoder (schema-state.js).
import { Decoder } from '../vendor/msgpack/index.mjs';

export const Prediction = Object.freeze({ NONE: 0, PREVIOUS: 1, VELOCITY: 2 });

export const MAX_KINDS = 32;
export const MAX_FIELDS = 64;
export const MAX_INPUT_FIELDS = 8;
export const MAX_NAME_LENGTH = 64;

export const isUint32 = (v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
export const isInt32 = (v) => Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff;

/** Bits needed to write every value in 0..max (max below 2^53). */
export function bitsFor(max) {
  let bits = 0;
  for (; max > 0; max = Math.floor(max / 2)) bits++;
  return bits;
}

/** One entity field: its declaration plus what the codec derives (range size, bit width, velocity index). */
class FieldLayout {
  constructor(index, name, min, max, scale, wrap, prediction, velocity, kinds) {
    Object.assign(this, { index, name, min, max, scale, wrap, prediction, velocity, kinds });
    /** max - min + 1: 1 to 2^32. */
    this.range = max - min + 1;
    this.width = bitsFor(this.range - 1);
    Object.freeze(this);
  }

  /** Brings any value into [min, max] modulo the range: predictions and residuals wrap, so every decode lands in range. */
  wrapValue(value) {
    let offset = (value - this.min) % this.range;
    if (offset < 0) offset += this.range;
    return this.min + offset;
  }
}

export class GameSchema {
  /** Reads and validates a schema's MessagePack form, already decoded to arrays; throws an Error naming the rule broken. */
  static fromArray(a) {
    return new GameSchema(a);
  }

  /** Reads a schema from exactly these bytes (its MessagePack form). */
  static fromBytes(bytes) {
    return new GameSchema(new Decoder().decode(bytes));
  }

  constructor(a) {
    requireArray(a, 5, 'A schema');
    this.game = requireName(a[0], "The game's name");
    this.version = a[1];
    if (!isUint32(this.version) || this.version === 0) throw new Error("A schema's version is 1 to 2^32 - 1.");

    this.kinds = Object.freeze(requireList(a[2], 1, MAX_KINDS, 'kind').map((k) => {
      requireArray(k, 2, 'A kind');
      return Object.freeze({ name: requireName(k[0], "A kind's name"), hasName: requireBool(k[1], 'hasName') });
    }));
    requireUnique(this.kinds, 'kind');

    const fields = requireList(a[3], 0, MAX_FIELDS, 'field');
    this.fields = Object.freeze(fields.map((f, index) => this.readField(f, index)));
    requireUnique(this.fields, 'field');

    this.input = Object.freeze(requireList(a[4], 0, MAX_INPUT_FIELDS, 'input field').map((f) => {
      requireArray(f, 4, 'An input field');
      const name = requireName(f[0], "An input field's name");
      const [min, max] = requireRange(name, f[1], f[2]);
      return Object.freeze({ name, min, max, wrap: requireBool(f[3], 'wrap') });
    }));
    requireUnique(this.input, 'input field');

    /** Per kind, the indices of its fields ascending: the order of its values and of its change mask. */
    this.kindFields = Object.freeze(this.kinds.map((_, k) => Object.freeze(this.fields.filter((f) => f.kinds.includes(k)).map((f) => f.index))));
    this.kindBits = bitsFor(this.kinds.length - 1);
    Object.freeze(this);
  }

  kindIndex(name) {
    return this.kinds.findIndex((k) => k.name === name);
  }

  fieldIndex(name) {
    return this.fields.findIndex((f) => f.name === name);
  }

  kindHasField(kind, field) {
    return this.fields[field].kinds.includes(kind);
  }

  readField(f, index) {
    requireArray(f, 8, 'A field');
    const name = requireName(f[0], "A field's name");
    const [min, max] = requireRange(name, f[1], f[2]);
    const scale = f[3];
    if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) {
      throw new Error(`Field '${name}' has scale ${scale}; a scale is a positive finite number of wire units per world unit.`);
    }
    const wrap = requireBool(f[4], 'wrap');
    const prediction = f[5];
    const velocity = f[6] ?? -1;
    if (prediction === Prediction.VELOCITY) {
      if (!Number.isInteger(velocity) || velocity < 0 || velocity >= index) {
        throw new Error(`Field '${name}' is predicted by velocity ${f[6]}, which must be a field declared before it.`);
      }
    } else if (f[6] !== null && f[6] !== undefined) {
      throw new Error(`Field '${name}' names a velocity but its prediction is ${prediction}, not velocity.`);
    } else if (prediction !== Prediction.NONE && prediction !== Prediction.PREVIOUS) {
      throw new Error(`Field '${name}' has an unknown prediction ${prediction}.`);
    }
    const kinds = requireList(f[7], 1, MAX_KINDS, `field '${name}' kind`).map((k) => {
      if (!Number.isInteger(k) || k < 0 || k >= this.kinds.length) {
        throw new Error(`Field '${name}' names kind ${k}, which the schema does not declare.`);
      }
      return k;
    });
    return new FieldLayout(index, name, min, max, scale, wrap, prediction, velocity, Object.freeze(kinds));
  }
}

function requireArray(a, least, what) {
  if (!Array.isArray(a) || a.length < least) throw new Error(`${what} must be an array of at least ${least} elements.`);
}

function requireList(a, min, max, what) {
  if (!Array.isArray(a) || a.length < min || a.length > max) {
    throw new Error(`A schema declares ${min} to ${max} ${what}s.`);
  }
  return a;
}

function requireName(name, what) {
  if (typeof name !== 'string' || name.length < 1 || name.length > MAX_NAME_LENGTH) {
    throw new Error(`${what} must be 1 to ${MAX_NAME_LENGTH} characters.`);
  }
  return name;
}

function requireBool(value, what) {
  if (typeof value !== 'boolean') throw new Error(`A schema's ${what} must be a boolean.`);
  return value;
}

function requireRange(name, min, max) {
  if (!isInt32(min) || !isInt32(max) || min > max) throw new Error(`Field '${name}' needs int32 min <= max; it has ${min}..${max}.`);
  return [min, max];
}

function requireUnique(items, what) {
  const names = new Set(items.map((i) => i.name));
  if (names.size !== items.length) throw new Error(`Two ${what}s have one name; names are unique.`);
}
