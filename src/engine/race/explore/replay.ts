/**
 * Replays a trace step by step in the model, for the property test
 * ("a counterexample replays to the violating state") and for the widget's
 * timeline, which draws each step in its lane and shows what sits in each
 * component after it.
 */
import { guestOpText, hostOpText } from '../language/printer.ts';
import { bufferOwner, lineText, storesText, writeText } from '../model/describe.ts';
import { NO_STORES, type Model } from '../model/model.ts';
import { SIDE_PATH, startState, type State } from '../model/state.ts';
import { successors } from '../model/transitions.ts';
import type { Lane, TraceStep } from '../types.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';

/** What each component holds, in words, for drawing one moment of an execution. */
export interface StateView {
  /** The next op of each vCPU's program (vCPU 0 first; undefined once it has run to its end). */
  readonly guestNext: readonly (string | undefined)[];
  readonly hostNext?: string;
  /** Writes waiting in each write buffer (the host has none of its own with same-pe). */
  readonly buffers: readonly { readonly lane: Lane; readonly writes: readonly string[] }[];
  /** Dirty cache lines and the stores whose data they hold (cacheable types only). */
  readonly dirty: readonly string[];
  /** Transactions between the acknowledgement point and their targets. */
  readonly paths: readonly { readonly to: string; readonly items: readonly string[] }[];
  readonly unmapped: boolean;
  readonly deviceReset: boolean;
}

export interface ReplayFrame {
  /** The step that led here (absent for the initial frame). */
  readonly step?: TraceStep;
  readonly view: StateView;
  /** This step delivered a guest write after the reset. */
  readonly violation: boolean;
}

function sideTarget(model: Model): string {
  const firmware = model.host.some((op) => op.op === 'reset' && RESET_METHODS[op.method].lane === 'firmware');
  const usual = model.scenario.platform === 'soc' ? 'reset controller' : 'device (config path)';
  return firmware ? `${usual} or firmware` : usual;
}

export function viewOf(model: Model, s: State): StateView {
  const hostOp = model.host[s.hostPc];
  return {
    guestNext: model.vcpus.map((vcpu, k) => {
      const op = vcpu.ops[s.pcs[k] ?? 0];
      return op ? guestOpText(op) : undefined;
    }),
    ...(hostOp ? { hostNext: hostOpText(hostOp) } : {}),
    buffers: s.buffers.map((buffer, pe) => ({
      lane: bufferOwner(model, pe).lane,
      writes: buffer.map((e) => writeText(model, e)),
    })),
    dirty: s.dirty.flatMap((stores, line) => (stores === NO_STORES ? [] : [`${lineText(model, line)}: ${storesText(model, stores)}`])),
    paths: s.paths.map((path, p) => ({ to: p === SIDE_PATH ? sideTarget(model) : 'device', items: path.map((t) => writeText(model, t)) })),
    unmapped: s.unmapped,
    deviceReset: s.reset,
  };
}

/** Thrown when a trace does not fit the model (a step whose ref no successor has). */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

/** Frames for the initial state and after each step; throws ReplayError if a step is not possible. */
export function replay(model: Model, trace: readonly TraceStep[]): ReplayFrame[] {
  let s = startState(model);
  const frames: ReplayFrame[] = [{ view: viewOf(model, s), violation: false }];
  trace.forEach((step, i) => {
    const t = successors(model, s).find((candidate) => candidate.step.ref === step.ref);
    if (!t) throw new ReplayError(`step ${i + 1} (${step.actor}: ${step.event}) is not possible here`);
    s = t.next;
    frames.push({ step: t.step, view: viewOf(model, s), violation: t.violation });
  });
  return frames;
}
