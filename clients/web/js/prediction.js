// Client-side prediction of the own player, for any game: apply each input at once with the game's own step (the
// server's movement rule in the same integer math), and when the server acknowledges inputs (a state frame's ack),
// restart from its state and replay the inputs it has not applied yet.

const MAX_PENDING = 120; // 4 s at 30 Hz: beyond that the connection is gone and the server's state is what counts.

export class Predictor {
  constructor() {
    this.step = null;
    this.pending = [];
    this.state = null;
    this.corrections = 0;
  }

  /** Starts afresh with step(state, input), which moves a state by one input as the server's simulation does. */
  reset(step) {
    this.step = step;
    this.pending.length = 0;
    this.state = null;
  }

  /** Applies an input the client has just sent; canMove says whether the player moves now. */
  apply(input, canMove) {
    if (this.pending.length >= MAX_PENDING) this.pending.shift();
    this.pending.push(input);
    if (this.state !== null && canMove) {
      this.step(this.state, input);
    }
  }

  /**
   * Restarts from state, the server's (a copy of the fields the step uses), and replays the inputs after ack, the
   * last sequence the server applied; canMove says whether the player moves now.
   */
  reconcile(state, ack, canMove) {
    while (this.pending.length > 0 && this.pending[0].seq <= ack) {
      this.pending.shift();
    }
    const before = this.state;
    if (canMove) {
      for (const input of this.pending) {
        this.step(state, input);
      }
    }
    if (before !== null && (before.x !== state.x || before.y !== state.y)) {
      this.corrections++;
    }
    this.state = state;
    return state;
  }
}
