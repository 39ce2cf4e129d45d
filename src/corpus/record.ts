/**
 * The golden corpus of one model version: what it answers, recorded so that
 * a change in any answer is noticed (guard.test.ts). It holds
 * - the whole combining input space (FWB x HCR_EL2.CD x every S1 byte x S1
 *   SH x every S2 MemAttr x S2 SH, 262144 inputs) as one SHA-256 digest,
 *   and one short digest per group of 64 inputs (fixed FWB, CD, S1 byte and
 *   S1 SH; S2 MemAttr and S2 SH vary) so a difference can be placed;
 * - every shipped scenario: a hash of its text, the verdict, the state
 *   counts and the counterexample, each step by what it decides
 *   (recordStep); from model version 2 on also its ablation (each
 *   variant's verdict and counterexample length) and its smallest fixes of
 *   up to two host ops (`race --explain`, `race --fix`);
 * - from model version 2 on, KVM's stage-2 choice for every input of every
 *   release choice, one digest per release.
 * A combining result is recorded by what it says (type, MAIR-style byte,
 * shareability, properties, rule, who decided, Linux names, how many
 * warnings), not by the words of its descriptions, so rewording a sentence
 * is not a new model; so is a race step.
 */
import { createHash } from 'node:crypto';
import type { CombineResult, ShEncoding } from '../engine/attrs/types.ts';
import { textHash } from '../engine/format/text-hash.ts';
import { answerKey } from '../engine/kvm/decide.ts';
import { allInputs } from '../engine/kvm/inputs.ts';
import { KERNEL_CHOICES } from '../engine/kvm/releases.ts';
import type { EngineRelease } from '../engine/release/release.ts';
import type { TraceStep } from '../engine/race/types.ts';
import type { RaceCheck } from '../engine/race/explore/check.ts';
import { DEFAULT_FIX_OPS, setting, type VariantResult } from '../engine/race/explain/index.ts';

export interface ScenarioRecord {
  /** textHash of the scenario file as shipped with this version. */
  readonly text: string;
  readonly verdict: string;
  readonly expected: string | null;
  readonly guestType: string;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly writes: { readonly min: number; readonly max: number } | null;
  readonly warnings: number;
  /** The shortest counterexample, one recordStep per step (empty when safe). */
  readonly trace: readonly string[];
  /** Each ablation variant (`host:0 unmap-s2: unsafe 6`, `np-pushes=no: unsafe 10`, `config-order=no: refused`), for releases that explain. */
  readonly explain?: readonly string[];
  /** The smallest fixes of up to DEFAULT_FIX_OPS host ops, for releases that repair. */
  readonly fix?: { readonly size: number | null; readonly fixes: readonly string[]; readonly variantsChecked: number };
}

export interface Corpus {
  readonly model: number;
  readonly combine: {
    readonly inputs: number;
    readonly digest: string;
    /** One line per FWB, CD and S1 byte (in that nesting), holding the digests of its four S1 SH groups. */
    readonly groups: readonly string[];
  };
  readonly scenarios: Readonly<Record<string, ScenarioRecord>>;
  /** Absent for versions without the KVM engine. */
  readonly kvm?: { readonly digest: string; readonly kernels: Readonly<Record<string, string>> };
}

const SH: readonly ShEncoding[] = [0, 1, 2, 3];
const onOff = (flag: boolean): string => (flag ? 'on' : 'off');

/** One line of the group at (fwb, cd, s1): the name a message uses for it. */
export function groupName(line: number, sh: number): string {
  const fwb = line >= 512;
  const cd = line % 512 >= 256;
  const s1 = line % 256;
  return `fwb=${onOff(fwb)} cd=${onOff(cd)} s1=0x${s1.toString(16).padStart(2, '0')} s1sh=${sh}`;
}

function combineLine(r: CombineResult): string {
  return JSON.stringify([r.typeName, r.type, r.mairHex, r.sh, r.properties, r.rule.id, r.decidedBy, r.linux.result, r.warnings.length]);
}

function recordCombine(release: EngineRelease): Corpus['combine'] {
  const all = createHash('sha256');
  const groups: string[] = [];
  let inputs = 0;
  for (const fwb of [false, true])
    for (const cd of [false, true])
      for (let s1 = 0; s1 < 256; s1++) {
        const line: string[] = [];
        for (const s1sh of SH) {
          const group = createHash('sha256');
          for (let s2 = 0; s2 < 16; s2++)
            for (const s2sh of SH) {
              const text = combineLine(release.combine({ s1, s2, fwb, cd, s1sh, s2sh })) + '\n';
              all.update(text);
              group.update(text);
              inputs += 1;
            }
          line.push(group.digest('hex').slice(0, 8));
        }
        groups.push(line.join(' '));
      }
  return { inputs, digest: all.digest('hex'), groups };
}

/**
 * The model versions whose corpus records a counterexample step in words,
 * `actor: event`, as their engines give no more: version 1's archived
 * engine names its steps in words only, and its corpus stays as recorded.
 */
const STEPS_IN_WORDS: ReadonlySet<number> = new Set([1]);

/**
 * A counterexample step as the corpus of model version `model` records it:
 * by what the model decided, who took the step, its kind and the rule it
 * applies, and its replay reference (the step's operands: which vCPU and
 * op, which buffer, stores, path and position), so that rewording a step
 * changes no record; in words for the versions of STEPS_IN_WORDS.
 */
export function recordStep(model: number, step: TraceStep): string {
  return STEPS_IN_WORDS.has(model) ? `${step.actor}: ${step.event}` : `${step.actor}: ${step.kind} ${step.rule} ${step.ref}`;
}

function recordScenario(release: EngineRelease, name: string, text: string): ScenarioRecord {
  const check = release.checkScenario(text, { file: `scenarios/${name}.race` });
  const { result } = check;
  return {
    text: textHash(text),
    verdict: result.verdict,
    expected: check.expected ?? null,
    guestType: check.guestType,
    states: result.stats.states,
    transitions: result.stats.transitions,
    depth: result.stats.depth,
    writes: result.writes ? { min: result.writes.min, max: result.writes.max } : null,
    warnings: check.warnings.length,
    trace: result.trace.map((step) => recordStep(release.model, step)),
    ...recordExplain(release, check),
  };
}

/** A variant by what identifies it and what it answered, not by the words of a refusal. */
function recordVariant(name: string, v: VariantResult): string {
  return `${name}: ${v.verdict}${v.depth === undefined ? '' : ` ${v.depth}`}`;
}

/** Ablation and repair, recorded by what they decide: each variant's verdict, the fixes and how many programs were explored. */
function recordExplain(release: EngineRelease, check: RaceCheck): Pick<ScenarioRecord, 'explain' | 'fix'> {
  if (release.raceExplain === undefined || release.raceFix === undefined) return {};
  const { ablation } = release.raceExplain(check);
  const { size, fixes, variantsChecked } = release.raceFix(check, DEFAULT_FIX_OPS);
  return {
    explain: [
      ...ablation.ops.map((v) => recordVariant(`${v.program}:${v.index} ${v.op}`, v)),
      ...ablation.knobs.map((v) => recordVariant(setting(v.knob, v.value), v)),
    ],
    fix: { size, fixes, variantsChecked },
  };
}

/** Each answer by what it decides (the stage 2 or the refusal), the rule and the releases that differ. */
function recordKvm(decide: NonNullable<EngineRelease['kvmDecide']>): NonNullable<Corpus['kvm']> {
  const all = createHash('sha256');
  const kernels: Record<string, string> = {};
  for (const kernel of KERNEL_CHOICES) {
    const digest = createHash('sha256');
    for (const input of allInputs(kernel)) {
      const r = decide(input);
      const line = JSON.stringify([answerKey(r.answer), r.rule.text, r.releases, r.differences.map((d) => [d.releases, answerKey(d.answer)])]) + '\n';
      digest.update(line);
      all.update(line);
    }
    kernels[kernel] = digest.digest('hex').slice(0, 8);
  }
  return { digest: all.digest('hex'), kernels };
}

export function recordCorpus(release: EngineRelease): Corpus {
  const names = Object.keys(release.scenarios).sort();
  const corpus: Corpus = {
    model: release.model,
    combine: recordCombine(release),
    scenarios: Object.fromEntries(names.map((name) => [name, recordScenario(release, name, release.scenarios[name]!)])),
  };
  return release.kvmDecide === undefined ? corpus : { ...corpus, kvm: recordKvm(release.kvmDecide) };
}
