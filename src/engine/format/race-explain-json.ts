/**
 * Ablation and repair as JSON (the CLI contract of `race --explain` and
 * `race --fix`): each variant by what identifies it and its verdict,
 * `depth` only when unsafe and `error` only when refused; the sentences
 * apart, under `why`.
 */
import type { Ablation, Repair, VariantResult, Why } from '../race/explain/index.ts';

function verdictOf(v: VariantResult): Record<string, unknown> {
  return { verdict: v.verdict, ...(v.depth === undefined ? {} : { depth: v.depth }), ...(v.error === undefined ? {} : { error: v.error }) };
}

export function explainJson(ablation: Ablation, why: Why): Record<string, unknown> {
  return {
    explain: {
      ops: ablation.ops.map((v) => ({ program: v.program, index: v.index, op: v.op, ...verdictOf(v) })),
      knobs: ablation.knobs.map((v) => ({ knob: v.knob, value: v.value, ...verdictOf(v) })),
      ...(ablation.stopped === undefined ? {} : { stopped: ablation.stopped }),
    },
    why: { headline: why.headline ?? null, findings: why.findings.map((f) => f.sentence) },
  };
}

export function fixJson(repair: Repair): Record<string, unknown> {
  const { size, fixes, maxOps, variantsChecked, stopped } = repair;
  return { fix: { size, fixes, maxOps, variantsChecked, ...(stopped === undefined ? {} : { stopped }) } };
}
