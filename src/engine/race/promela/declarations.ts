/**
 * The fixed part of an exported model: the knobs and the guest's attribute
 * bits as preprocessor constants, the rules that compare two writes as
 * macros, and the global state (program counters, flags, write buffers,
 * dirty lines, paths).
 */
import { RESET_METHOD_NAMES, RESET_METHODS, type ResetMethodInfo } from '../vocabulary/reset-methods.ts';
import type { Layout } from './layout.ts';

const bit = (value: boolean): string => (value ? '1' : '0');

/** `((k) == FLR || ...)` over the reset methods that `select` picks, `0` for none. */
export function resetKindTest(k: string, select: (info: ResetMethodInfo) => boolean): string {
  const names = RESET_METHOD_NAMES.filter((m) => select(RESET_METHODS[m])).map((m) => `(${k}) == ${RESET_METHODS[m].promela.name}`);
  return names.length === 0 ? '0' : `(${names.join(' || ')})`;
}

/** One constant per reset method's write (the reset methods' table). */
function resetKinds(): string {
  return RESET_METHOD_NAMES.map((m) => {
    const { promela, write, rule } = RESET_METHODS[m];
    return `#define ${promela.name.padEnd(9)} ${String(promela.code).padEnd(3)} /* the host's ${write} (${rule}) */`;
  }).join('\n');
}

/** The peripheral a kind addresses, as a number (0: the device), for Peripheral arrival order. */
const PERIPHERAL_CODE: Readonly<Record<ResetMethodInfo['peripheral'], number>> = { device: 0, 'reset-controller': 1, config: 2, firmware: 3 };
function peripheralMacro(): string {
  return RESET_METHOD_NAMES.reduceRight((rest, m) => {
    const code = PERIPHERAL_CODE[RESET_METHODS[m].peripheral];
    return code === 0 ? rest : `((k) == ${RESET_METHODS[m].promela.name} -> ${code} : ${rest})`;
  }, '0');
}

export function constants(layout: Layout): string {
  const { knobs } = layout;
  const t = layout.guestType;
  const done = layout.vcpus.map((v, k) => `pc${k} == ${v.ops.length}`).join(' && ');
  return `/* Knobs in force (defaults applied; same-pe implies guest-stops). */
#define PCIE         ${bit(layout.scenario.platform === 'pcie')}
#define GUEST_STOPS  ${bit(knobs['guest-stops'])}
#define SAME_PE      ${bit(knobs['same-pe'])}
#define EARLY_ACK    ${bit(knobs['early-ack'])}
#define WRITE_ORDER  ${bit(knobs['write-order'])}
#define NP_PUSHES    ${bit(knobs['np-pushes'])}
#define NE_HONOURED  ${bit(knobs['ne-honoured'])}
#define CONFIG_ORDER ${bit(knobs['config-order'])}
#define UNMAP_CLEANS ${bit(knobs['unmap-cleans'])}

/* M-type-combined: the guest's combined memory type, ${t.name}, as the
   attributes the rules read (Arm ARM B2.10); the host's accesses are Device-nGnRE, XS=1. */
#define NORMAL       ${bit(t.normal)}
#define G_ATTR       ${bit(t.gathering)}
#define R_ATTR       ${bit(t.reordering)}
#define E_ATTR       ${bit(t.earlyAck)}
#define XS_ATTR      ${bit(t.xs)}
#define CACHEABLE    ${bit(t.cacheable)}   /* M-type-cacheable */

/* Kinds of write or request; 0 marks an empty queue slot. */
#define STORE     1   /* a guest store, or several merged into one write */
#define WRITEBACK 2   /* a dirty cache line's data written back (M-cache-evict, M-cache-dc-civac) */
#define READ      3   /* the host's read of the device (M-host-read) */
${resetKinds()}
#define NO_PE     15  /* the PE of an eviction, which belongs to none */

#define GUEST_WRITE(k) ((k) == STORE || (k) == WRITEBACK)

/* M-wb-drain-order, M-wb-reorder, M-wb-xs, M-barrier-dmb: accesses a barrier
   separates, and non-Reordering accesses to one peripheral (with equal XS),
   arrive in program order (Arm ARM B2.4.1.1, B2.10.2.2). */
#define NON_REORDERING(k) (!GUEST_WRITE(k) || !(NORMAL || R_ATTR))
#define PERIPHERAL(k)     ${peripheralMacro()}
#define XS_OF(k)          (GUEST_WRITE(k) -> XS_ATTR : 1)
#define ORDERS_BEFORE(a, b) (a.epoch < b.epoch || (NON_REORDERING(a.kind) && NON_REORDERING(b.kind) && PERIPHERAL(a.kind) == PERIPHERAL(b.kind) && XS_OF(a.kind) == XS_OF(b.kind)))

/* M-ack-point, M-ack-host: where a write is complete. A guest store at the
   acknowledgement point when the platform acknowledges early, unless it is
   nE and nE is honoured (B2.10.2.3); an FLR at the function; other writes
   (Device-nGnRE host writes, write-backs) early if the platform acknowledges early. */
#define GUEST_AT_TARGET (!EARLY_ACK || (NE_HONOURED && !E_ATTR))
#define COMPLETES_AT_TARGET(k) ((k) == STORE -> GUEST_AT_TARGET : (${resetKindTest('k', (r) => r.completion === 'target')} -> 1 : !EARLY_ACK))

#define NON_POSTED(k) ((k) == READ || ${resetKindTest('k', (r) => r.nonPosted)})

/* \`later\` may not overtake \`earlier\` on a path: M-path-np-pushes keeps a read or
   non-posted request behind earlier writes, M-path-write-order keeps a write
   behind everything before it, and whatever the knobs one PE's accesses keep
   their Peripheral arrival order (M-path-arrival-order); a write-back is no
   PE's explicit access, so it has none. */
#define STAYS_BEHIND(later, earlier) ((NON_POSTED(later.kind) -> (NP_PUSHES && !NON_POSTED(earlier.kind)) : WRITE_ORDER) || (later.pe == earlier.pe && later.pe != NO_PE && later.kind != WRITEBACK && earlier.kind != WRITEBACK && ORDERS_BEFORE(earlier, later)))

/* M-guest-stops, M-same-pe: the host starts once every vCPU's program has ended. */
#define GUESTS_DONE  (${done})
#define HOST_MAY_RUN (!GUEST_STOPS || GUESTS_DONE)
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

function bufferOwner(layout: Layout, b: number): string {
  if (b === layout.hostBuffer && b < layout.vcpus.length) return `vCPU ${b} (${layout.vcpus[b]?.name}), then the host on its PE`;
  return b < layout.vcpus.length ? `vCPU ${b} (${layout.vcpus[b]?.name})` : 'the host';
}

export function state(layout: Layout, keepIds: boolean): string {
  const pcs = layout.vcpus.map((v, k) => `byte pc${k};        /* next op of vCPU ${k} (${v.name}) */`);
  const buffers = layout.bufferSlots.map((slots, b) => `Write buf${b}[${slots}]; byte len${b};   /* write buffer of PE${b}: ${bufferOwner(layout, b)} */`);
  const cache = layout.guestType.cacheable
    ? [`int  dirty[${Math.max(1, layout.lines.length)}];   /* M-cache-line: per line, ${keepIds ? 'the stores whose data it holds' : '1 when dirty'}; 0 when clean */`]
    : [];
  const side = layout.scenario.platform === 'soc' ? 'to the reset controller and the firmware' : 'to the firmware, and config writes bypassing the BAR path';
  return `typedef Write {
  byte kind;    /* STORE ... ACPI; 0: empty slot */
  byte pe;      /* the write buffer (PE) it came from; NO_PE for an eviction */
  byte epoch;   /* barriers its PE executed before it */
  byte line;    /* a guest store in a buffer: which 64-byte line (ordinal); otherwise 0 */
  int  ids      /* ${keepIds ? 'guest writes: bit i for store i; host: the op index' : 'host: the op index; guest writes: 0 (store names dropped, see Reductions)'} */
};

${pcs.join('\n')}
byte hpc;        /* next op of the host */
byte hphase;     /* progress in the host op: unmap-s2 1 after its TLBI, 2 after its DSB while its clean completes; read 1 while waiting */
bit  unmapped;   /* M-unmap-tlbi: the TLBI took effect, guest stores fault */
bit  reset;      /* the device was reset */
${[...buffers, ...cache].join('\n')}
Write path0[${layout.pathSlots[0]}]; byte plen0;   /* M-path-device: from the acknowledgement point to the device */
Write path1[${layout.pathSlots[1]}]; byte plen1;   /* M-path-side: ${side} */

/* Scratch for the helpers; hidden: not part of the state vector. */
hidden byte i;
hidden byte j;
hidden byte tk;
hidden byte tp;
hidden byte te;
hidden byte tl;
hidden int  ti;
`;
}
