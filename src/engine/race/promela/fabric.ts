/**
 * The processes of the memory system: each PE's write buffer (merging,
 * and handing writes to the acknowledgement point or the cache), the
 * coherent cache's evictions, and the two paths with what sits at their
 * ends (the device; the reset controller or firmware, or the config path).
 */
import { resetKindTest } from './declarations.ts';
import { guardName } from './guards.ts';
import { sidePath, type Layout } from './layout.ts';
import { allLines, guestWriteToPath, proctype, sorted, writeBack, type Encoding, type Step } from './proctype.ts';

/** Which kinds buffer `b` can hold: a vCPU's stores, the host's resets, or both (same-pe). */
function holds(layout: Layout, b: number): { stores: boolean; resets: boolean } {
  const resets = b === layout.hostBuffer && layout.host.some((op) => op.op === 'reset');
  return { stores: b < layout.vcpus.length, resets };
}

/** M-ack-point, M-path-device, M-path-side, M-cache-line: where slot `w` goes when it leaves its buffer. */
function leave(layout: Layout, w: string, b: number, encoding: Encoding): string {
  const { stores, resets } = holds(layout, b);
  const cache = encoding.keepIds ? `dirty[${w}.line] = dirty[${w}.line] | ${w}.ids` : `dirty[${w}.line] = 1`;
  const store = layout.guestType.cacheable ? cache : guestWriteToPath('STORE', `${w}.pe`, `${w}.epoch`, `${w}.ids`, encoding);
  const side = resetKindTest(`${w}.kind`, (r) => r.route === 'side' || (r.route === 'config' && !layout.knobs['config-order']));
  const reset =
    `if :: ${side} -> append_path1(${w}.kind, ${w}.pe, ${w}.epoch, 0, ${w}.ids)\n` +
    `          :: else -> append_path0(${w}.kind, ${w}.pe, ${w}.epoch, 0, ${w}.ids)${sorted('path0', encoding.sortPath)} fi`;
  if (!resets) return store;
  if (!stores) return reset;
  return `if :: ${w}.kind == STORE -> ${store}\n          :: else -> ${reset.replaceAll('\n', '\n   ')} fi`;
}

function bufferProcess(layout: Layout, b: number, encoding: Encoding): string {
  const slots = layout.bufferSlots[b] ?? 1;
  const steps: Step[] = [];
  const { stores, resets } = holds(layout, b);
  if (!stores && !resets) return '';
  if (layout.guestType.gathering && stores) {
    for (let i = 0; i < slots; i += 1) {
      for (let j = i + 1; j < slots; j += 1) {
        const [x, y] = [`buf${b}[${i}]`, `buf${b}[${j}]`];
        steps.push({
          comment: `M-wb-gather: slots ${i} and ${j} merge into one write`,
          guard: `len${b} > ${j} && ${x}.kind == STORE && ${y}.kind == STORE && ${x}.line == ${y}.line && ${x}.epoch == ${y}.epoch`,
          body: `${x}.ids = ${x}.ids | ${y}.ids; remove_buf${b}(${j})${sorted(`buf${b}`, encoding.sortBuffers)}`,
        });
      }
    }
  }
  for (let i = 0; i < slots; i += 1) {
    const w = `buf${b}[${i}]`;
    steps.push({
      comment: `M-ack-point${layout.guestType.cacheable ? ', M-cache-line' : ''}: slot ${i} leaves the write buffer (a path drops its line: only merging reads it)`,
      guard: guardName.mayLeave(b, i),
      body: `${leave(layout, w, b, encoding)};\n       remove_buf${b}(${i})${sorted(`buf${b}`, encoding.sortBuffers)}`,
    });
  }
  const owner = b < layout.vcpus.length ? `vCPU ${b}${b === layout.hostBuffer ? ' and the host (same-pe)' : ''}` : 'the host';
  return proctype(`write_buffer${b}`, `M-wb-linger, M-wb-drain-order, M-wb-reorder, M-wb-gather: the write buffer of ${owner}.`, steps);
}

function cacheProcess(layout: Layout, encoding: Encoding): string {
  if (!layout.guestType.cacheable) return '';
  const steps = allLines(layout).map((l) => ({
    comment: `M-cache-evict: line ${l} (0x${((layout.lines[l] ?? 0) * 64).toString(16)}) is written back; nothing orders it, no PE waits for it`,
    guard: `dirty[${l}] != 0`,
    body: writeBack([l], 'NO_PE', 0, encoding),
  }));
  return proctype('cache', 'M-cache-line, M-cache-evict: the coherent cache shared by all PEs.', steps);
}

/** What happens when slot `i` of path `p` arrives: the property is the assertion. */
function arrival(p: number, i: number, encoding: Encoding): string {
  const w = `path${p}[${i}]`;
  const reset = p === 0 ? 'M-reset-reg, M-reset-flr' : 'M-reset-ctrl, M-reset-acpi, M-pcie-config-order';
  return (
    `if\n` +
    `       :: GUEST_WRITE(${w}.kind) -> assert(!reset)   /* M-property, M-cache-property: a guest write after the reset */\n` +
    `       :: ${w}.kind == READ -> hpc++; hphase = 0   /* M-host-read: the data returns */\n` +
    `       :: else -> reset = 1   /* ${reset}: the reset takes effect */\n` +
    `       fi;\n` +
    `       remove_path${p}(${i})${sorted(`path${p}`, p === 0 && encoding.sortPath)}`
  );
}

function pathProcess(layout: Layout, p: number, encoding: Encoding): string {
  if (p === 1 && !layout.host.some((op) => op.op === 'reset' && sidePath(op.method, layout.knobs))) return '';
  const steps = Array.from({ length: layout.pathSlots[p] ?? 1 }, (_, i) => ({
    comment: `slot ${i} arrives at its target`,
    guard: guardName.mayArrive(p, i),
    body: arrival(p, i, encoding),
  }));
  const what = p === 0 ? 'M-path-device: the path from the acknowledgement point to the device, and the device.' : "M-path-side: the side path and its target; nothing orders it with the device's.";
  return proctype(p === 0 ? 'device_path' : 'side_path', what, steps);
}

export function fabricProcesses(layout: Layout, encoding: Encoding): string[] {
  return [
    ...layout.bufferSlots.map((_, b) => bufferProcess(layout, b, encoding)),
    cacheProcess(layout, encoding),
    pathProcess(layout, 0, encoding),
    pathProcess(layout, 1, encoding),
  ];
}
