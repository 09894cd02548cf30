// The wire format of protocol.md, on top of @msgpack/msgpack 3.1.3 (vendored in ../vendor/msgpack; see its README).
// Frames decode to plain arrays; this module only names their elements. What v2 changes is codec-v2.js's (the game
// speaks v2, and so does the replay page): Welcome, Snapshot and Delta are named there.
import { encode } from '../vendor/msgpack/index.mjs';

export const ClientType = Object.freeze({ JOIN: 1, INPUT: 2, PING: 3, LEAVE: 4 });
export const ServerType = Object.freeze({ WELCOME: 16, SNAPSHOT: 17, DELTA: 18, PONG: 19, EVENT: 20, ERROR: 21 });
export const Phase = Object.freeze({ WAITING: 0, COUNTDOWN: 1, RUNNING: 2, ENDED: 3 });
export const Flags = Object.freeze({ ALIVE: 1, SPAWN_PROTECTED: 2 });
export const ErrorCode = Object.freeze({
  INVALID_STATE: 1, INVALID_NAME: 2, MATCH_NOT_FOUND: 3, MATCH_FULL: 4, RESUME_REJECTED: 5, MATCH_FAILED: 6, UNKNOWN_TYPE: 7,
  UNSUPPORTED_GAME: 8,
});
export const EventKind = Object.freeze({
  PLAYER_JOINED: 1, PLAYER_LEFT: 2, KILL: 3, PICKUP: 4, SCORE_CHANGED: 5, MATCH_STARTED: 6, MATCH_ENDED: 7,
});

/** Join; game names the game a quick join looks for (the 5th element, written only when set: absent = the server's default). */
export function encodeJoin(name, matchId = null, resumeToken = null, game = null) {
  const join = [ClientType.JOIN, name, matchId, resumeToken];
  if (game !== null) join.push(game);
  return encode(join);
}

export function encodePing(clientTime) {
  return encode([ClientType.PING, clientTime >>> 0]);
}

export function encodeLeave() {
  return encode([ClientType.LEAVE]);
}

/**
 * Names the elements of one decoded server frame that v1 and v2 share: { type, ... }; null for a type this client does
 * not know (the protocol says ignore it). codec-v2.js reads Welcome, Snapshot and Delta before it comes here.
 */
export function messageFromArray(m) {
  if (!Array.isArray(m) || m.length < 1) {
    throw new Error('A server frame is not a MessagePack array.');
  }
  switch (m[0]) {
    case ServerType.PONG:
      return { type: m[0], clientTime: m[1], serverTick: m[2] };
    case ServerType.EVENT:
      return { type: m[0], tick: m[1], kind: m[2], subject: m[3], object: m[4], value: m[5] };
    case ServerType.ERROR:
      return { type: m[0], code: m[1], message: m[2] };
    default:
      return null;
  }
}
