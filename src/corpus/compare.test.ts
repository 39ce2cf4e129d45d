/**
 * Ablation and repair records (record.ts, from model version 2 on): a
 * changed variant or fix is named, and a corpus of a version before them
 * holds nobody to them.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '../engine/version.ts';
import { differingScenarios, firstDifference } from './compare.ts';
import { readCorpus } from './files.ts';
import type { Corpus, ScenarioRecord } from './record.ts';

const current = readCorpus(MODEL_VERSION)!;
const name = 'soc-nc-unmap-ctrl';
const withRecord = (corpus: Corpus, change: (record: ScenarioRecord) => ScenarioRecord): Corpus => ({
  ...corpus,
  scenarios: { ...corpus.scenarios, [name]: change(corpus.scenarios[name]!) },
});

describe('ablation and repair in the corpus', () => {
  it('records every shipped scenario of the current version with its variants and fixes', () => {
    for (const record of Object.values(current.scenarios)) {
      expect(record.explain?.length).toBeGreaterThanOrEqual(8);
      expect(record.fix?.size === null || (record.fix?.size ?? -1) >= 0).toBe(true);
    }
    expect(current.scenarios[name]?.fix).toEqual({ size: 1, fixes: ['unmap-s2; read 0x0; reset ctrl', 'unmap-s2; read 0x8; reset ctrl'], variantsChecked: 9 });
  });

  it('names a changed variant and a changed fix', () => {
    const variant = withRecord(current, (r) => ({ ...r, explain: r.explain!.map((line, i) => (i === 3 ? 'early-ack=no: unsafe 8' : line)) }));
    expect(firstDifference(current, variant)).toBe(`scenario ${name}: ablation variant 4 is 'early-ack=no: unsafe 8', recorded 'early-ack=no: safe'`);
    const fix = withRecord(current, (r) => ({ ...r, fix: { ...r.fix!, variantsChecked: 12 } }));
    expect(firstDifference(current, fix)).toMatch(new RegExp(`^scenario ${name}: smallest fixes .*"variantsChecked":12`));
  });

  it('holds no one to records a corpus does not have', () => {
    const older = withRecord(current, ({ explain: _e, fix: _f, ...rest }) => rest);
    expect(differingScenarios(older, current)).toEqual([]);
    expect(firstDifference(current, older)).toMatch(new RegExp(`^scenario ${name}: ablation variant 1 is '\\(none\\)'`));
  });
});
