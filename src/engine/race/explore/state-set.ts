/**
 * The states the explorer has stored, as a set of keys (state-key.ts):
 * every key's words one after another in one growing array, each after its
 * length and its state id, and an open-addressing hash table over them. A
 * key is found by its hash (the encoder's, mixed here) and then compared
 * word by word; nothing is allocated per lookup. Ids are given in
 * insertion order, from 0.
 */
import { IntList } from './int-list.ts';

export class StateSet {
  /*
   * Both arrays start small: they grow (a new array in the field) within
   * the first hundred states, before V8 optimises the explorer's loop. An
   * optimised loop that saw the field hold one array all along is thrown
   * away when the field first changes, and the loop runs unoptimised again
   * for a while.
   */
  /** Per key: its length, its id, its words. */
  private words = new Int32Array(1 << 8);
  private used = 0;
  /** Per id: where its key's words start. */
  private readonly starts = new IntList();
  /** Two numbers a slot, in one array so that a probe reads one place: where the key starts in `words` + 1 (0 when empty), and its hash. */
  private table = new Int32Array(2 << 4);
  size = 0;
  /** Where the last `find` looked, for the `add` that follows it. */
  private slot = 0;
  private hash = 0;

  /** The id of the key (the first `length` words of `key`, whose hash is `hash`), or -1 when it is not in the set. */
  find(key: Int32Array, length: number, hash: number): number {
    let h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
    h ^= h >>> 15;
    this.hash = h;
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot]!;
      if (entry === 0) {
        this.slot = slot;
        return -1;
      }
      if (table[2 * slot + 1] === h && this.equals(entry - 1, key, length)) return this.words[entry]!;
    }
  }

  /** Adds the key that the last `find` did not find; returns its id. */
  add(key: Int32Array, length: number): number {
    const id = this.size;
    const start = this.used;
    if (start + 2 + length > this.words.length) {
      const words = new Int32Array(Math.max(2 * this.words.length, start + 2 + length));
      words.set(this.words);
      this.words = words;
    }
    const { words } = this;
    words[start] = length;
    words[start + 1] = id;
    for (let i = 0; i < length; i += 1) words[start + 2 + i] = key[i]!;
    this.used = start + 2 + length;
    this.starts.push(start + 2);
    this.table[2 * this.slot] = start + 1;
    this.table[2 * this.slot + 1] = this.hash;
    this.size += 1;
    // At most half full, so that probe runs stay short.
    if (4 * this.size > this.table.length) this.rehash();
    return id;
  }

  /** The words holding the key of state `id`, from `keyStart(id)` (valid until the next `add`). */
  get keyWords(): Int32Array {
    return this.words;
  }

  keyStart(id: number): number {
    return this.starts.at(id);
  }

  private equals(start: number, key: Int32Array, length: number): boolean {
    const { words } = this;
    if (words[start] !== length) return false;
    for (let i = 0; i < length; i += 1) if (words[start + 2 + i] !== key[i]) return false;
    return true;
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(2 * old.length);
    const mask = (table.length >> 1) - 1;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue;
      let slot = old[from + 1]! & mask;
      while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[from]!;
      table[2 * slot + 1] = old[from + 1]!;
    }
    this.table = table;
  }
}
