/**
 * What the combining explorer's "Stage 2 from KVM" mode needs beyond the
 * combining engine, in one module loaded on demand (a dynamic import, so
 * the kvm engine is a chunk of its own and guide pages with the explorer
 * do not load it until a reader switches the mode on).
 */
import type { kvmDecide } from '../../engine/kvm/index.ts';
import type { combineKvmReport, guestAccessThroughKvm } from '../../engine/links/kvm-report.ts';
import type KvmStage2 from '../kvm/KvmStage2.svelte';

export interface FromKvm {
  readonly kvmDecide: typeof kvmDecide;
  readonly combineKvmReport: typeof combineKvmReport;
  readonly guestAccessThroughKvm: typeof guestAccessThroughKvm;
  readonly KvmStage2: typeof KvmStage2;
}

export async function loadFromKvm(): Promise<FromKvm> {
  const [engine, report, view] = await Promise.all([
    import('../../engine/kvm/index.ts'),
    import('../../engine/links/kvm-report.ts'),
    import('../kvm/KvmStage2.svelte'),
  ]);
  return { kvmDecide: engine.kvmDecide, combineKvmReport: report.combineKvmReport, guestAccessThroughKvm: report.guestAccessThroughKvm, KvmStage2: view.default };
}
