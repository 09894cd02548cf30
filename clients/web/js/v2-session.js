// What a v2 connection keeps (connection.js holds one): the match's schema from Welcome, the world every Snapshot and
// Delta is applied to, and this player's acknowledged input sequence.
import { ServerType } from './codec.js';
import { decodeServerMessageV2, encodeInputV2 } from './codec-v2.js';
import { SchemaStateReader } from './schema-state.js';
import { SchemaWorld } from './schema-world.js';

export class V2Session {
  constructor() {
    this.schema = null;
    this.world = null;
    this.reader = null;
    /** The last input sequence the server applied for this player (the ack of the last state frame). */
    this.ack = 0;
  }

  /**
   * Decodes one binary frame and applies it: a Welcome starts a world of its schema, a Snapshot or Delta updates the
   * world. Returns the message (null for a type this client does not know). Throws on a malformed frame, leaving the
   * world as it was: the caller closes the connection with 1007.
   */
  receive(data) {
    const message = decodeServerMessageV2(data);
    if (message === null) return null;
    if (message.type === ServerType.WELCOME) {
      this.schema = message.schema;
      this.world = new SchemaWorld(message.schema);
      this.reader = new SchemaStateReader(message.schema);
      this.ack = 0;
    } else if (message.type === ServerType.SNAPSHOT || message.type === ServerType.DELTA) {
      if (this.reader === null) throw new Error('A state frame came before Welcome.');
      this.reader.apply(message, this.world);
      if (message.ack !== null) this.ack = message.ack;
    }
    return message;
  }

  /** Input v2 for the world held (its tick is the ackTick): one value per input field of the schema, in its order. */
  encodeInput(seq, viewTick, values) {
    if (this.schema === null) throw new Error('No schema yet: Welcome has not come.');
    return encodeInputV2(this.schema, seq, this.world.tick, viewTick, values);
  }
}
