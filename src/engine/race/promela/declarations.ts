/**
 * The fixed part of an exported model: the knobs and the guest's attribute
 * bits as preprocessor constants, the kinds of write, the global state
 * (program counters, flags, write buffers, paths) and the helpers that
 * append to, remove from and canonically order a queue.
 */
import type { Layout } from './layout.ts';
import { RULE } from './rules.ts';

const bit = (value: boolean): string => (value ? '1' : '0');

export function constants(layout: Layout): string {
  const { knobs, guestType: t } = layout;
  return `/* Knobs in force (defaults applied; same-pe implies guest-stops). */
#define PCIE         ${bit(layout.scenario.platform === 'pcie')}
#define GUEST_STOPS  ${bit(knobs['guest-stops'])}
#define SAME_PE      ${bit(knobs['same-pe'])}
#define EARLY_ACK    ${bit(knobs['early-ack'])}
#define PATH_ORDER   ${bit(knobs['path-order'])}
#define NE_HONOURED  ${bit(knobs['ne-honoured'])}
#define CONFIG_ORDER ${bit(knobs['config-order'])}

/* The guest's combined memory type, ${t.name}, as the attributes the rules read (Arm ARM B2.10). */
#define NORMAL       ${bit(t.normal)}
#define G_ATTR       ${bit(t.gathering)}
#define R_ATTR       ${bit(t.reordering)}
#define E_ATTR       ${bit(t.earlyAck)}

/* Programs: number of ops of the guest vCPU and of the host. */
#define GUEST_OPS    ${layout.guest.length}
#define HOST_OPS     ${layout.host.length}

/* Kinds of write or request; 0 marks an empty queue slot. */
#define STORE 1   /* a guest store, or several merged into one write */
#define READ  2   /* the host's read of the device */
#define REG   3   /* the host's write to the device's reset register */
#define CTRL  4   /* the host's write to the SoC reset controller */
#define FLR   5   /* the host's FLR: a PCIe config write */

/* ${RULE.bufferOrder}: accesses a barrier separates, and non-Reordering accesses
   to one peripheral, arrive in program order (Arm ARM B2.4.1.1, B2.10.2.2).
   Host accesses go through Device-nGnRE mappings, so they are never Reordering. */
#define NON_REORDERING(k) ((k) != STORE || !(NORMAL || R_ATTR))
#define PERIPHERAL(k)     ((k) == CTRL -> 1 : ((k) == FLR -> 2 : 0))
#define ORDERS_BEFORE(a, b) (a.epoch < b.epoch || (NON_REORDERING(a.kind) && NON_REORDERING(b.kind) && PERIPHERAL(a.kind) == PERIPHERAL(b.kind)))

/* ${RULE.complete}: where a write is complete. A guest store completes at the
   acknowledgement point when the platform acknowledges early, unless it is
   nE and nE is honoured (B2.10.2.3); an FLR completes at the function; the
   host's reset writes go through Device-nGnRE, acknowledged early if the
   platform does. */
#define GUEST_AT_TARGET (!EARLY_ACK || (NE_HONOURED && !E_ATTR))
#define COMPLETES_AT_TARGET(k) ((k) == STORE -> GUEST_AT_TARGET : ((k) == FLR -> 1 : !EARLY_ACK))

/* ${RULE.nonPosted}: on PCIe a non-posted request (config write, read) never
   passes an earlier posted write (PCIe Base Specification, Ordering Rules Summary). */
#define NON_POSTED(k) ((k) == READ || (k) == FLR)
#define POSTED(k)     ((k) == STORE || (k) == REG)

/* ${RULE.pathOrder}: \`later\` may not overtake \`earlier\` on a path. */
#define STAYS_BEHIND(later, earlier) (PATH_ORDER || (PCIE && NON_POSTED(later.kind) && POSTED(earlier.kind)) || (later.pe == earlier.pe && ORDERS_BEFORE(earlier, later)))

/* ${RULE.guestStops}, ${RULE.samePe}: the host starts once the guest's program has ended. */
#define HOST_MAY_RUN (!GUEST_STOPS || gpc == GUEST_OPS)
`;
}

/** One write in a buffer or on a path; `ids` names guest stores (bit per store) or the host op. */
export function state(layout: Layout, keepIds: boolean): string {
  const buffers = layout.bufferSlots.map((slots, b) => {
    const owner = layout.knobs['same-pe'] ? 'the guest vCPU, then the host on the same PE' : b === layout.guestBuffer ? 'the guest vCPU' : 'the host';
    return `Write buf${b}[${slots}]; byte len${b};   /* write buffer of PE${b}: ${owner} */`;
  });
  return `typedef Write {
  byte kind;    /* STORE, READ, REG, CTRL, FLR; 0: empty slot */
  byte pe;      /* the write buffer (PE) it came from */
  byte epoch;   /* barriers its PE executed before it */
  byte line;    /* guest stores in a buffer: which 64-byte line (ordinal); otherwise 0 */
  int  ids      /* ${keepIds ? 'guest stores: bit i for store i; host: the op index' : 'host: the op index; guest stores: 0 (store names dropped, see Reductions)'} */
};

byte gpc;        /* next op of the guest vCPU */
byte hpc;        /* next op of the host */
bit  hphase;     /* 1 while the host op is half done: unmap-s2 after its TLBI, read waiting */
bit  unmapped;   /* ${RULE.unmapTlbi}: the TLBI took effect, guest stores fault */
bit  reset;      /* the device was reset */
${buffers.join('\n')}
Write path0[${layout.pathSlots[0]}]; byte plen0;   /* from the acknowledgement point to the device */
Write path1[${layout.pathSlots[1]}]; byte plen1;   /* ${layout.scenario.platform === 'soc' ? 'to the SoC reset controller' : "the root complex's config path when it bypasses the BAR path"} */

/* Scratch for the helpers below; hidden: not part of the state vector. */
hidden byte i;
hidden byte j;
hidden byte tk;
hidden byte tp;
hidden byte te;
hidden byte tl;
hidden int  ti;
`;
}

/** The queues of a layout: each write buffer and each path, with its length variable. */
export function queues(layout: Layout): { q: string; n: string }[] {
  return [
    ...layout.bufferSlots.map((_, b) => ({ q: `buf${b}`, n: `len${b}` })),
    { q: 'path0', n: 'plen0' },
    { q: 'path1', n: 'plen1' },
  ];
}

/** Helpers per queue: SPIN's inline parameters cannot be whole arrays, so each queue gets its own. */
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
     :: j > 0 && ${q}[j].kind == STORE && ${q}[j - 1].kind == STORE && STORE_LESS(${q}[j], ${q}[j - 1]) ->
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

#define STORE_LESS(a, b) (a.epoch < b.epoch || (a.epoch == b.epoch && (a.line < b.line || (a.line == b.line && a.ids < b.ids))))

/* Per queue: append_Q adds a write at the end; remove_Q(at) removes slot
   \`at\`, shifting the rest down and clearing the freed slot; sort_Q keeps
   the canonical order (see Reductions): an insertion sort of each run of
   adjacent guest stores by (epoch, line, ids), other kinds staying put. */
${queues(layout).map(({ q, n }) => queueHelpers(q, n)).join('\n')}`;
}
