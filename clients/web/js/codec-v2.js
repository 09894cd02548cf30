// The messages protocol v2 changes (protocol.md, "Version 2"; docs/netcode-v2.md): Welcome carries the match's
// schema, Snapshot and Delta carry a bit-packed state and this player's input acknowledgement, Input carries one value
// per input field of the schema. Everything else is v1's, named by codec.js.
import { Decoder, encode } from '../vendor/msgpack/index.mjs';
import { ClientType, messageFromArray, ServerType } from './codec.js';
import { GameSchema, isUint32 } from './schema.js';

export const SUBPROTOCOL_V2 = 'gameserver.v2';
export const PROTOCOL_VERSION_2 = 2;
/** The longest state bin a frame may carry. */
export const MAX_STATE_BYTES = 1 << 20;

const decoder = new Decoder();

/** Decodes one binary v2 frame into { type, ... }; null for a type this client does not know; throws if malformed. */
export function decodeServerMessageV2(buffer) {
  return messageFromArrayV2(decoder.decode(new Uint8Array(buffer)));
}

/**
 * Names and checks the elements of one decoded v2 server frame. Snapshot and Delta keep their state as bytes, for a
 * SchemaStateReader (schema-state.js) to apply; ack is null on a frame without one (stage-1 frames, the tests' vectors).
 */
export function messageFromArrayV2(m) {
  if (!Array.isArray(m) || m.length < 1) throw new Error('A server frame is not a MessagePack array.');
  switch (m[0]) {
    case ServerType.WELCOME:
      return welcomeFromArray(m);
    case ServerType.SNAPSHOT:
      requireLength(m, 5, 'A v2 Snapshot');
      return {
        type: m[0], baseTick: null, tick: uint32(m[1], 'tick'), phase: phase(m[2]), phaseTicksLeft: uint32(m[3], 'phaseTicksLeft'),
        state: state(m[4]), ack: ack(m, 5),
      };
    case ServerType.DELTA:
      requireLength(m, 6, 'A v2 Delta');
      return {
        type: m[0], baseTick: uint32(m[1], 'baseTick'), tick: uint32(m[2], 'tick'), phase: phase(m[3]),
        phaseTicksLeft: uint32(m[4], 'phaseTicksLeft'), state: state(m[5]), ack: ack(m, 6),
      };
    default:
      return messageFromArray(m);
  }
}

/**
 * Input v2: [2, seq, ackTick, viewTick, value...], one value per input field of the schema, in its order. A value of a
 * wrapping field (an angle) is brought into its range; any other must be an integer within it, or this throws rather
 * than send what the server closes the connection for. viewTick 0 means none.
 */
export function encodeInputV2(schema, seq, ackTick, viewTick, values) {
  if (values.length !== schema.input.length) {
    throw new RangeError(`The schema's input has ${schema.input.length} fields; ${values.length} values were given.`);
  }
  const input = [ClientType.INPUT, seq >>> 0, ackTick >>> 0, viewTick >>> 0];
  schema.input.forEach((field, i) => {
    let value = values[i];
    if (!Number.isInteger(value)) throw new RangeError(`Input '${field.name}' is ${value}, not an integer.`);
    if (field.wrap) value = field.min + mod(value - field.min, field.max - field.min + 1);
    if (value < field.min || value > field.max) throw new RangeError(`Input '${field.name}' is ${value}, outside ${field.min}..${field.max}.`);
    input.push(value);
  });
  return encode(input);
}

/**
 * The values of an input given by name ({ moveX, aim, ... }), in the order the schema declares its input fields: a
 * client names what it sends, and a schema that reorders its fields still gets each value in its place. Throws for a
 * field the input lacks.
 */
export function inputValues(schema, input) {
  return schema.input.map((field) => {
    if (!(field.name in input)) throw new RangeError(`The schema's input field '${field.name}' has no value.`);
    return input[field.name];
  });
}

function welcomeFromArray(m) {
  requireLength(m, 8, 'A v2 Welcome');
  if (m[1] !== PROTOCOL_VERSION_2) throw new Error(`A v2 Welcome says version ${m[1]}.`);
  const token = m[6];
  if (token !== null && !(token instanceof Uint8Array && token.length === 16)) throw new Error('A resume token is 16 bytes or nil.');
  return {
    type: m[0], version: m[1], playerId: uint32(m[2], 'playerId'), matchId: uint32(m[3], 'matchId'),
    tickRate: uint32(m[4], 'tickRate'), tick: uint32(m[5], 'tick'), resumeToken: token, schema: GameSchema.fromArray(m[7]),
  };
}

function requireLength(m, least, what) {
  if (m.length < least) throw new Error(`${what} has ${least} elements.`);
}

function uint32(value, what) {
  if (!isUint32(value)) throw new Error(`A frame's ${what} is not a uint32.`);
  return value;
}

function phase(value) {
  if (!Number.isInteger(value) || value < 0 || value > 3) throw new Error('Unknown match phase.');
  return value;
}

function state(value) {
  if (!(value instanceof Uint8Array)) throw new Error('A state must be a bin.');
  if (value.length > MAX_STATE_BYTES) throw new Error('A state bin is over 1 MiB.');
  return value;
}

function ack(m, index) {
  return m.length > index ? uint32(m[index], 'ack') : null;
}

function mod(a, n) {
  const r = a % n;
  return r < 0 ? r + n : r;
}
