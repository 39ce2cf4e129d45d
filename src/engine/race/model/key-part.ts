/**
 * Edits of one part of a state key (a buffer or a path as state-key.ts
 * writes it), made on the words of the parent's part rather than by
 * encoding the edited list again: most steps append one write to a list
 * or take one out, and a path may hold dozens. Each function writes
 * exactly the words state-key.ts would write for the edited list (the
 * key test checks this on every step of random scenarios).
 *
 * A part is the list's length, then its items: runs of guest writes (the
 * members, each `width` words), sorted when they may overtake one another,
 * and when each member is one word, counted (a pair of the word and how
 * many times it occurs in a row); between runs the other items (a host
 * write or read: its token and its op), the run's delimiters.
 */

/** How the runs of a part are written. */
export interface RunForm {
  /** Members may overtake one another: a run is sorted. */
  readonly sorted: boolean;
  /** Members are one word each, and a run is written as pairs (word, count). */
  readonly counted: boolean;
  /** Words per member when not counted. */
  readonly width: number;
  /** Words per delimiter. */
  readonly delimiterWords: number;
  /** Whether an item starting with this word is a member (from its kind, which the first word of every item holds). */
  readonly isMember: (word: number) => boolean;
}

/** What readPart finds of a part. */
export interface PartShape {
  /** Where the part ends. */
  end: number;
  /** Where its last run starts when its list ends with a member, else -1. */
  lastRun: number;
  /** Its list holds a delimiter. */
  delimited: boolean;
}

/**
 * Reads the part that starts at src[start] (as state-key.ts wrote it) into
 * `into`: where it ends, where its last run starts, whether it has a
 * delimiter. The explorer keeps every state's key, so the parts of the
 * state being expanded are read from it rather than encoded again.
 */
export function readPart(src: Int32Array, start: number, form: RunForm, into: PartShape): void {
  let i = start + 1;
  let lastRun = -1;
  let delimited = false;
  for (let items = src[start]!; items > 0; ) {
    if (!form.isMember(src[i]!)) {
      delimited = true;
      lastRun = -1;
      items -= 1;
      i += form.delimiterWords;
      continue;
    }
    if (lastRun < 0) lastRun = i;
    items -= form.counted ? src[i + 1]! : 1;
    i += form.counted ? 2 : form.width;
  }
  into.end = i;
  into.lastRun = lastRun;
  into.delimited = delimited;
}

function copy(src: Int32Array, from: number, to: number, w: Int32Array, n: number): number {
  for (let i = from; i < to; i += 1) w[n++] = src[i]!;
  return n;
}

/** Tuple order of the `width` words at src[a] and item[0]: negative, zero or positive. */
function compare(src: Int32Array, a: number, item: Int32Array, width: number): number {
  for (let i = 0; i < width; i += 1) {
    const x = src[a + i]!;
    const y = item[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The part src[start, end) with a delimiter (its words, `size` of `item`)
 * appended, written at w[n]; returns the end. The runs before stay as they
 * are.
 */
export function appendDelimiter(src: Int32Array, start: number, end: number, item: Int32Array, size: number, w: Int32Array, n: number): number {
  const first = n;
  n = copy(src, start, end, w, n);
  w[first] = src[start]! + 1;
  return copy(item, 0, size, w, n);
}

/**
 * The part src[start, end) with a run member `item` appended, written at
 * w[n]; returns the end. `lastRun` is where the part's last run starts
 * when its list ends with a member, else -1 (the member starts a run).
 */
export function appendMember(src: Int32Array, start: number, end: number, lastRun: number, item: Int32Array, form: RunForm, w: Int32Array, n: number): number {
  const first = n;
  const from = lastRun < 0 ? end : lastRun;
  n = copy(src, start, from, w, n);
  w[first] = src[start]! + 1;
  if (form.counted) {
    const word = item[0]!;
    if (!form.sorted) {
      // The member goes last: it joins the last pair when that pair is of its word.
      n = copy(src, from, end, w, n);
      if (end > from && src[end - 2] === word) w[n - 1] = w[n - 1]! + 1;
      else {
        w[n++] = word;
        w[n++] = 1;
      }
      return n;
    }
    let i = from;
    for (; i < end && src[i]! < word; i += 2) {
      w[n++] = src[i]!;
      w[n++] = src[i + 1]!;
    }
    w[n++] = word;
    if (i < end && src[i] === word) {
      w[n++] = src[i + 1]! + 1;
      i += 2;
    } else w[n++] = 1;
    return copy(src, i, end, w, n);
  }
  const { width } = form;
  let i = from;
  // Sorted: before the first greater tuple (equal tuples are the same words, so where among them does not matter).
  if (form.sorted) while (i < end && compare(src, i, item, width) <= 0) i += width;
  else i = end;
  n = copy(src, from, i, w, n);
  n = copy(item, 0, width, w, n);
  return copy(src, i, end, w, n);
}

/**
 * The part src[start, end), whose list is one run of members, without its
 * member at `index` (`item`, its words), written at w[n]; returns the end.
 */
export function dropMember(src: Int32Array, start: number, end: number, index: number, item: Int32Array, form: RunForm, w: Int32Array, n: number): number {
  w[n++] = src[start]! - 1;
  const body = start + 1;
  if (!form.counted) {
    const { width } = form;
    let at = body + index * width;
    if (form.sorted) for (at = body; compare(src, at, item, width) !== 0; ) at += width;
    n = copy(src, body, at, w, n);
    return copy(src, at + width, end, w, n);
  }
  // The pair holding the member: the one of its word (sorted), or the one covering position `index` (unsorted).
  let at = body;
  if (form.sorted) while (src[at] !== item[0]) at += 2;
  else for (let seen = src[at + 1]!; seen <= index; seen += src[at + 1]!) at += 2;
  n = copy(src, body, at, w, n);
  const count = src[at + 1]! - 1;
  if (count > 0) {
    w[n++] = src[at]!;
    w[n++] = count;
    return copy(src, at + 2, end, w, n);
  }
  // The pair is gone; unsorted, its neighbours may now be one run of equal words.
  const next = at + 2;
  if (!form.sorted && at > body && next < end && src[at - 2] === src[next]) {
    w[n - 1] = w[n - 1]! + src[next + 1]!;
    return copy(src, next + 2, end, w, n);
  }
  return copy(src, next, end, w, n);
}
