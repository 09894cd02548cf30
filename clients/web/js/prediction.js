// Client-side prediction of the own player: apply each input at once, and when the server acknowledges inputs
// (a state frame's ack), restart from its state and replay the inputs it has not applied yet.
import { Flags } from './codec.js';
import { stepPlayer } from './arena.js';

const MAX_PENDING = 120; // 4 s at 30 Hz: beyond that the connection is gone and the server's state is what counts.

export class Predictor {
  constructor() {
    this.arena = null;
    this.pending = [];
    this.state = null;
    this.corrections = 0;
  }

  /** Starts afresh with the server's Arena description (GET /arena.json). */
  reset(arena) {
    this.arena = arena;
    this.pending.length = 0;
    this.state = null;
  }

  /** Applies an input the client has just sent. */
  apply(input, canMove) {
    if (this.pending.length >= MAX_PENDING) this.pending.shift();
    this.pending.push(input);
    if (this.state !== null && canMove) {
      stepPlayer(this.state, input, this.arena);
    }
  }

  /**
   * Restarts from the server's own entity (its view's fields) and replays the inputs after ack, the last sequence the
   * server applied; canMove says whether it moves now.
   */
  reconcile(server, ack, canMove) {
    while (this.pending.length > 0 && this.pending[0].seq <= ack) {
      this.pending.shift();
    }
    const before = this.state;
    const { x, y, vx, vy, aim, flags } = server.fields;
    const state = { x, y, vx, vy, aim };
    if (canMove && (flags & Flags.ALIVE) !== 0) {
      for (const input of this.pending) {
        stepPlayer(state, input, this.arena);
      }
    }
    if (before !== null && (before.x !== state.x || before.y !== state.y)) {
      this.corrections++;
    }
    this.state = state;
    return state;
  }
}
