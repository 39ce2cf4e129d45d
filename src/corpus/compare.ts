/**
 * Where two corpora of the same model version part: the first differing
 * input, in words, for the guard's failure message. Combining inputs are
 * placed to their group of 64 (the corpus keeps one digest per group);
 * scenarios by name, field and counterexample step.
 */
import { groupName, type Corpus, type ScenarioRecord } from './record.ts';

function scenarioDifference(name: string, recorded: ScenarioRecord, actual: ScenarioRecord): string | undefined {
  if (recorded.text !== actual.text) return `scenario ${name}: its text changed (hash ${actual.text}, recorded ${recorded.text})`;
  for (const key of ['verdict', 'expected', 'guestType', 'states', 'transitions', 'depth', 'warnings'] as const) {
    if (recorded[key] !== actual[key]) return `scenario ${name}: ${key} is ${String(actual[key])}, recorded ${String(recorded[key])}`;
  }
  if (JSON.stringify(recorded.writes) !== JSON.stringify(actual.writes)) return `scenario ${name}: writes reaching the device ${JSON.stringify(actual.writes)}, recorded ${JSON.stringify(recorded.writes)}`;
  const steps = Math.max(recorded.trace.length, actual.trace.length);
  for (let i = 0; i < steps; i++) {
    if (recorded.trace[i] !== actual.trace[i]) return `scenario ${name}: counterexample step ${i + 1} is '${actual.trace[i] ?? '(none)'}', recorded '${recorded.trace[i] ?? '(none)'}'`;
  }
  // Ablation and repair are held to the corpus that records them (not to one of a version before them).
  if (recorded.explain !== undefined) {
    const variants = Math.max(recorded.explain.length, actual.explain?.length ?? 0);
    for (let i = 0; i < variants; i++) {
      if (recorded.explain[i] !== actual.explain?.[i]) return `scenario ${name}: ablation variant ${i + 1} is '${actual.explain?.[i] ?? '(none)'}', recorded '${recorded.explain[i] ?? '(none)'}'`;
    }
  }
  if (recorded.fix !== undefined && JSON.stringify(recorded.fix) !== JSON.stringify(actual.fix)) {
    return `scenario ${name}: smallest fixes ${JSON.stringify(actual.fix ?? null)}, recorded ${JSON.stringify(recorded.fix)}`;
  }
  return undefined;
}

/** Names of the combining groups (see groupName) whose results differ. */
export function differingGroups(recorded: Corpus, actual: Corpus): string[] {
  const names: string[] = [];
  actual.combine.groups.forEach((line, i) => {
    const old = recorded.combine.groups[i]?.split(' ') ?? [];
    line.split(' ').forEach((digest, sh) => {
      if (old[sh] !== digest) names.push(groupName(i, sh));
    });
  });
  return names;
}

/** Names of the scenarios whose records differ, or that one corpus has and the other lacks. */
export function differingScenarios(recorded: Corpus, actual: Corpus): string[] {
  const names = new Set([...Object.keys(recorded.scenarios), ...Object.keys(actual.scenarios)]);
  return [...names].sort().filter((name) => {
    const a = recorded.scenarios[name];
    const b = actual.scenarios[name];
    return a === undefined || b === undefined || scenarioDifference(name, a, b) !== undefined;
  });
}

/** Release choices whose KVM answers differ, or that one corpus has and the other lacks. */
export function differingKernels(recorded: Corpus, actual: Corpus): string[] {
  const a = recorded.kvm?.kernels ?? {};
  const b = actual.kvm?.kernels ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((kernel) => a[kernel] !== b[kernel]);
}

/** The first difference in words, or undefined when the corpora agree. */
export function firstDifference(recorded: Corpus, actual: Corpus): string | undefined {
  if (recorded.combine.digest !== actual.combine.digest) {
    const [group] = differingGroups(recorded, actual);
    return `combine: the input space digest changed; first differing input among ${group ?? '(no group: the input count changed)'} (S2 MemAttr 0x0-0xf, S2 SH 0-3)`;
  }
  for (const name of Object.keys(actual.scenarios).sort()) {
    const old = recorded.scenarios[name];
    if (old === undefined) return `scenario ${name}: not in the corpus (a new shipped scenario)`;
    const difference = scenarioDifference(name, old, actual.scenarios[name]!);
    if (difference !== undefined) return difference;
  }
  const gone = Object.keys(recorded.scenarios).find((name) => actual.scenarios[name] === undefined);
  if (gone !== undefined) return `scenario ${gone}: in the corpus but no longer shipped`;
  const [kernel] = differingKernels(recorded, actual);
  return kernel === undefined ? undefined : `kvm: the answers for release ${kernel} changed (every memslot, mapping and CPU feature combination of it is one digest)`;
}
