/**
 * The queue helpers of an exported model. SPIN's inline parameters cannot
 * be whole arrays, so each queue (write buffer or path) gets its own
 * append, remove and canonical sort.
 */
import { queues } from './declarations.ts';
import type { Layout } from './layout.ts';

function queueHelpers(q: string, n: string): string {
  return `inline append_${q}(wkind, wpe, wepoch, wline, wids) { set(${q}[${n}], wkind, wpe, wepoch, wline, wids); ${n}++ }

inline remove_${q}(at) {
  i = at;
  do
  :: i + 1 < ${n} -> copy(${q}[i], ${q}[i + 1]); i++
  :: else -> break
  od;
  ${n}--;
  set(${q}[${n}], 0, 0, 0, 0, 0);
  i = 0
}

inline sort_${q}() {
  i = 1;
  do
  :: i < ${n} ->
     j = i;
     do
     :: j > 0 && GUEST_WRITE(${q}[j].kind) && GUEST_WRITE(${q}[j - 1].kind) && WRITE_LESS(${q}[j], ${q}[j - 1]) ->
        tk = ${q}[j].kind; tp = ${q}[j].pe; te = ${q}[j].epoch; tl = ${q}[j].line; ti = ${q}[j].ids;
        copy(${q}[j], ${q}[j - 1]);
        set(${q}[j - 1], tk, tp, te, tl, ti);
        j--
     :: else -> break
     od;
     i++
  :: else -> break
  od;
  i = 0; j = 0; tk = 0; tp = 0; te = 0; tl = 0; ti = 0
}
`;
}

export function helpers(layout: Layout): string {
  return `inline set(w, wkind, wpe, wepoch, wline, wids) { w.kind = wkind; w.pe = wpe; w.epoch = wepoch; w.line = wline; w.ids = wids }
inline copy(dst, src) { set(dst, src.kind, src.pe, src.epoch, src.line, src.ids) }

/* A total order on writes, for the canonical order of interchangeable ones. */
#define WRITE_LESS(a, b) (a.kind < b.kind || (a.kind == b.kind && (a.pe < b.pe || (a.pe == b.pe && (a.epoch < b.epoch || (a.epoch == b.epoch && (a.line < b.line || (a.line == b.line && a.ids < b.ids))))))))

/* Per queue Q: append_Q adds a write at the end; remove_Q(at) removes slot
   \`at\`, shifting the rest down and clearing the freed slot; sort_Q keeps
   the canonical order (see Reductions): an insertion sort of each run of
   adjacent guest writes, other kinds staying where they are. */
${queues(layout).map(({ q, n }) => queueHelpers(q, n)).join('\n')}`;
}
