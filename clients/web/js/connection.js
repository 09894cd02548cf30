// One player's session with the server: a seat from POST /matchmaking and a join on the node that runs its match,
// resume there after a dropped connection (with backoff), quick-join that node's next match when one closes, and
// measure the round trip. Speaks protocol v2 (gameserver.v2: the match's schema in Welcome, bit-packed state, this
// player's ack in every state frame); knows nothing about drawing.
import { encodeJoin, encodePing, ErrorCode, Phase, ServerType } from './codec.js';
import { inputValues, SUBPROTOCOL_V2 } from './codec-v2.js';
import { V2Session } from './v2-session.js';
import { WorldView } from './world-view.js';

const MIN_RETRY_MS = 1000; // at most one reconnect a second
const MAX_RETRY_MS = 8000; // within the server's 10 s resume grace period
const PING_INTERVAL_MS = 1000;
const CLOSED_MATCH_SILENCE_MS = 2000; // an ended match that sends nothing for this long has closed

/**
 * Asks base (the server's HTTP URL) for a seat in a match of game (null: the default game): { matchId, url, seat } or
 * null when it gives none (an older server, or a refusal), in which case the player quick-joins on base's own
 * WebSocket, which answers any refusal itself.
 */
export async function matchmake(base, game = null) {
  try {
    const url = new URL('/matchmaking', base);
    if (game !== null) url.searchParams.set('game', game);
    const response = await fetch(url, { method: 'POST' });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

export class Connection {
  /**
   * base: the server's HTTP URL, where the player matchmakes; url: its WebSocket, used when matchmaking gives no seat.
   * game: the game to play by name ("tag"), or null for the server's default game.
   */
  constructor(base, url, name, handlers, game = null) {
    this.base = base;
    this.url = url;
    this.seat = null; // { matchId, url, seat } for the next open, then null: a seat is single use
    this.name = name;
    this.game = game;
    this.handlers = handlers;
    this.session = new V2Session();
    /** The match's world in the schema's view, rebuilt from the session's after every state frame. */
    this.world = new WorldView();
    this.welcome = null;
    this.resumeToken = null;
    this.socket = null;
    this.status = 'connecting';
    this.rttMs = null;
    this.retries = 0;
    this.joined = false;
    this.stopped = false;
    this.lastFrameAt = 0;
    this.refusals = 0; // frames refused as malformed, each answered by a reconnect
    this.refused = null; // the socket closed for the last of them
    this.pingTimer = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.place();
  }

  /** A seat first; the node that runs its match is where this player plays, reconnects and resumes from now on. */
  async place() {
    this.seat = await matchmake(this.base, this.game);
    if (this.stopped) return;
    if (this.seat !== null) this.url = this.seat.url;
    this.open();
  }

  open() {
    // A seat, or the token of a match to resume: a draining node lets in only players it can tell are coming back.
    const url = new URL(this.seat?.url ?? this.url);
    if (this.seat !== null) url.searchParams.set('seat', this.seat.seat);
    else if (this.resumeToken !== null) url.searchParams.set('resume', base64Url(this.resumeToken));
    const socket = new WebSocket(url, SUBPROTOCOL_V2);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      this.setStatus('joining');
      this.join();
    };
    socket.onmessage = (e) => this.receive(socket, e.data);
    socket.onclose = (e) => this.closed(socket, e);
    this.socket = socket;
  }

  join() {
    this.joined = false;
    const matchId = this.resumeToken === null ? this.seat?.matchId ?? null : null;
    this.seat = null;
    this.send(encodeJoin(this.name, matchId, this.resumeToken, this.game));
  }

  send(bytes) {
    if (this.socket !== null && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(bytes);
    }
  }

  /** The last input sequence the server applied for this player: the ack of the last state frame. */
  get ack() {
    return this.session.ack;
  }

  /**
   * Sends Input v2 for the world held: input holds a value per input field, by the field's name (moveX, aim, ...),
   * written in the order the match's schema declares them. viewTick: the tick drawn when the input was made, 0 for none.
   */
  sendInput(seq, viewTick, input) {
    this.send(this.session.encodeInput(seq, viewTick, inputValues(this.session.schema, input)));
  }

  ping() {
    if (this.status === 'playing') {
      this.send(encodePing(Math.floor(performance.now())));
    }
    // A closed match sends no message (the connection is simply back in the lobby): notice the silence.
    if (this.joined && this.world.phase === Phase.ENDED && performance.now() - this.lastFrameAt > CLOSED_MATCH_SILENCE_MS) {
      this.nextMatch();
    }
  }

  receive(socket, data) {
    let m;
    try {
      m = this.session.receive(data);
    } catch (e) {
      this.refuse(socket, e);
      return;
    }
    if (m === null) return;
    this.lastFrameAt = performance.now();
    switch (m.type) {
      case ServerType.WELCOME:
        this.welcome = m;
        this.resumeToken = m.resumeToken;
        this.retries = 0;
        this.joined = true;
        this.world.clear();
        this.setStatus('playing');
        this.handlers.welcome?.(m);
        break;
      case ServerType.SNAPSHOT:
      case ServerType.DELTA: {
        const world = this.session.world;
        this.world.set(world, world.entities());
        this.handlers.world?.(this.world);
        if (m.type === ServerType.DELTA && m.phase === Phase.ENDED && m.phaseTicksLeft === 0) {
          // The match's last tick: the server has put this connection back in the lobby.
          this.nextMatch();
        }
        break;
      }
      case ServerType.PONG:
        this.rttMs = (Math.floor(performance.now()) - m.clientTime) >>> 0;
        break;
      case ServerType.EVENT:
        this.handlers.event?.(m);
        break;
      case ServerType.ERROR:
        this.error(m);
        break;
    }
  }

  error(m) {
    this.handlers.error?.(m);
    if (m.code === ErrorCode.RESUME_REJECTED) {
      // The place is gone (grace period over, or a restarted server): join afresh.
      this.resumeToken = null;
      this.join();
    } else if (m.code === ErrorCode.MATCH_FAILED) {
      this.nextMatch();
    } else if (m.code === ErrorCode.MATCH_FULL && !this.joined) {
      // The seat ran out before the Join (or its match filled): quick-join on this node instead.
      this.join();
    } else if (m.code === ErrorCode.INVALID_STATE && !this.joined) {
      // The Join raced the match's close: ask again in a moment.
      setTimeout(() => this.join(), 500);
    }
  }

  /**
   * A frame the decoder refuses (not the shape v2 says, a state that does not apply): nothing after it can be trusted,
   * so the connection is dropped and the player resumes on a fresh one, with a Snapshot. A browser may close only with
   * 1000 or 3000-4999 (not the server's 1007), and the server takes any close without Leave as a drop it can resume.
   */
  refuse(socket, error) {
    this.refusals++;
    this.handlers.refused?.(error.message);
    socket.onmessage = null;
    this.refused = socket;
    socket.close(1000, 'malformed frame');
  }

  nextMatch() {
    this.joined = false;
    this.resumeToken = null;
    this.setStatus('joining');
    this.handlers.matchClosed?.();
    this.join();
  }

  closed(socket, e) {
    if (socket !== this.socket) return;
    this.joined = false;
    // 1000 is a Leave (unless this page closed it over a malformed frame), 4001 a resume on another connection:
    // nothing to come back to.
    if (this.stopped || (socket !== this.refused && (e.code === 1000 || e.code === 4001))) {
      this.setStatus('closed');
      return;
    }
    const delay = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** this.retries);
    this.retries++;
    this.setStatus(`reconnecting in ${Math.round(delay / 1000)} s`);
    setTimeout(() => this.open(), delay);
  }

  setStatus(status) {
    this.status = status;
    this.handlers.status?.(status);
  }

  stop() {
    this.stopped = true;
    clearInterval(this.pingTimer);
    this.socket?.close(1000);
  }
}

/** A resume token as an upgrade's `?resume=` carries it: base64url, no padding (protocol.md). */
function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
