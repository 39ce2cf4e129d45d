/**
 * `kvm --json`: one object. Always `model` (the model version) and `outcome` (`mapped` or `refused`);
 * when mapped `s2` (MemAttr[3:0] as `0xN`, read per `fwb`), `fwb`, `type`,
 * `constant` and `executable`; when refused `where` (`memslot` or `fault`)
 * and `errno`. Then the rule, its source, the path through the kernel's
 * functions, and the other releases' answers in the same flat form.
 */
import type { CombineResult } from '../attrs/types.ts';
import { hexNibble, type KvmAnswer, type KvmResult } from '../kvm/index.ts';
import { MODEL_VERSION } from '../version.ts';

function answerJson(a: KvmAnswer): Record<string, unknown> {
  return a.outcome === 'mapped'
    ? { outcome: 'mapped', s2: hexNibble(a.s2.memAttr), fwb: a.s2.fwb, type: a.s2.type, constant: a.s2.constant, executable: a.s2.exec }
    : { outcome: 'refused', where: a.where, errno: a.errno, effect: a.effect };
}

export function kvmJson(r: KvmResult, combined?: CombineResult): Record<string, unknown> {
  return {
    model: MODEL_VERSION,
    kernel: r.input.kernel,
    releases: r.releases,
    input: r.input,
    ...answerJson(r.answer),
    rule: r.rule.text,
    source: r.rule.source,
    steps: r.steps.map((s) => ({ function: s.source.function, file: s.source.file, said: s.said })),
    differences: r.differences.map((d) => ({ releases: d.releases, ...answerJson(d.answer) })),
    ...(combined ? { combined: { s1: combined.s1.hex, type: combined.typeName, mair: combined.mairHex, sh: combined.sh, rule: combined.rule.id, warnings: combined.warnings } } : {}),
  };
}
