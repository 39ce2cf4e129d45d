/**
 * The states the explorer has stored, as a set of keys (state-key.ts):
 * every key's words one after another in one growing array, and an
 * open-addressing hash table of state ids over them. A key is found by its
 * hash and then compared word by word; nothing is allocated per lookup.
 * Ids are given in insertion order, from 0.
 */
export class StateSet {
  private words = new Int32Array(1 << 16);
  private used = 0;
  /** Where each state's key starts in `words`; the next one's start is its end. */
  private starts = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  /** Slots of the hash table: a state id + 1, or 0 when empty. */
  private table = new Int32Array(1 << 12);
  size = 0;
  /** Where the last `find` looked, for the `add` that follows it. */
  private slot = 0;
  private hash = 0;

  /** The id of the key (the first `length` words of `key`), or -1 when it is not in the set. */
  find(key: Int32Array, length: number): number {
    let h = 0x811c9dc5 ^ length;
    for (let i = 0; i < length; i += 1) h = Math.imul(h ^ key[i]!, 0x01000193);
    h ^= h >>> 15;
    this.hash = h;
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) {
        this.slot = slot;
        return -1;
      }
      const id = entry - 1;
      if (this.hashes[id] === h && this.equals(id, key, length)) return id;
    }
  }

  /** Adds the key that the last `find` did not find; returns its id. */
  add(key: Int32Array, length: number): number {
    const id = this.size;
    if (id + 1 >= this.starts.length) {
      this.starts = grow(this.starts, 2 * this.starts.length);
      this.hashes = grow(this.hashes, this.starts.length);
    }
    if (this.used + length > this.words.length) this.words = grow(this.words, Math.max(2 * this.words.length, this.used + length));
    this.words.set(key.subarray(0, length), this.used);
    this.starts[id] = this.used;
    this.used += length;
    this.starts[id + 1] = this.used;
    this.hashes[id] = this.hash;
    this.table[this.slot] = id + 1;
    this.size += 1;
    // At most half full, so that probe runs stay short.
    if (2 * this.size > this.table.length) this.rehash();
    return id;
  }

  private equals(id: number, key: Int32Array, length: number): boolean {
    const start = this.starts[id]!;
    if (this.starts[id + 1]! - start !== length) return false;
    for (let i = 0; i < length; i += 1) if (this.words[start + i] !== key[i]) return false;
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(2 * this.table.length);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id += 1) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

function grow(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}
