/** A growing list of 32-bit integers in one typed array: the explorer's graph holds one number per state or edge, millions of them. */
export class IntList {
  private items = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index]!;
  }

  /** The items, as a view valid until the next push. */
  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }

  /** The last item (the list must not be empty). */
  last(): number {
    return this.items[this.length - 1]!;
  }
}
