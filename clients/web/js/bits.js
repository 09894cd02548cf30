// The bit stream of a v2 state bin (docs/netcode-v2.md, "Bits"): most significant bit first, var codes, zigzag.
// Values are built with * and + only: JavaScript's | and << work on 32-bit signed integers and would turn a 32-bit
// unsigned value negative; every value here is below 2^33, exact in a number.

/** Reads a Uint8Array bit by bit; reading past its end throws. */
export class BitReader {
  /** @param {Uint8Array} bytes */
  constructor(bytes) {
    this.bytes = bytes;
    this.position = 0;
  }

  /** Reads `bits` (0 to 32) bits as an unsigned value. */
  read(bits) {
    if (bits > this.bytes.length * 8 - this.position) {
      throw new Error("The state's bits end early.");
    }
    let value = 0;
    for (let left = bits; left > 0;) {
      const bit = this.position & 7;
      const take = Math.min(8 - bit, left);
      const chunk = (this.bytes[this.position >> 3] >> (8 - bit - take)) & ((1 << take) - 1);
      value = value * (1 << take) + chunk;
      this.position += take;
      left -= take;
    }
    return value;
  }

  /** The var code of counts, gaps and residuals: 0..2^32-1 in 5, 10, 19 or 35 bits. */
  readVar() {
    if (this.read(1) === 0) return this.read(4);
    if (this.read(1) === 0) return this.read(8);
    return this.read(this.read(1) === 0 ? 16 : 32);
  }

  /** A zigzagged var: 0, 1, 2, 3, 4 are 0, -1, 1, -2, 2. */
  readSigned() {
    const zigzag = this.readVar();
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }

  /** Requires that only the last byte's zero padding is left: anything else is not what a writer wrote. */
  end() {
    const left = this.bytes.length * 8 - this.position;
    if (left >= 8 || (left > 0 && (this.bytes[this.bytes.length - 1] & ((1 << left) - 1)) !== 0)) {
      throw new Error('Bits follow the state.');
    }
  }
}
