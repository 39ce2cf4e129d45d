import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../../shipped-scenarios.ts';
import { checkScenario } from './check.ts';

const files = [...SHIPPED.keys()];
const textOf = (name: string): string => SHIPPED.get(name.replace(/\.race$/, '')) ?? '';

describe('shipped scenarios (scenarios/*.race)', () => {
  it('are at least ten, each with an expect line and an explanation', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const name of files) {
      const text = textOf(name);
      expect(text, name).toMatch(/^expect (safe|unsafe)$/m);
      expect(text.split('\n').filter((line) => line.startsWith('#')).length, name).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(files)('%s gives the verdict it expects, and the same without the partial-order reduction and without any', (name) => {
    const text = textOf(name);
    const reduced = checkScenario(text, { file: name });
    expect(reduced.matches).toBe(true);
    const symmetric = checkScenario(text, { file: name, partialOrder: false }).result;
    expect([symmetric.verdict, symmetric.writes, symmetric.trace.length]).toEqual([reduced.result.verdict, reduced.result.writes, reduced.result.trace.length]);
    expect(reduced.result.stats.states).toBeLessThanOrEqual(symmetric.stats.states);
    // Without reduction eight mergeable stores exceed any small budget (see npm run bench).
    const full = checkScenario(text, { file: name, reduction: false, budget: 20_000 });
    if (full.result.verdict === 'incomplete') return;
    expect(full.result.verdict).toBe(reduced.result.verdict);
    expect(full.result.writes).toEqual(reduced.result.writes);
    expect(full.result.trace.length).toBe(reduced.result.trace.length);
  });

  it('reproduce the claims of the thread (M-unmap-dsb, M-pcie-config-order, M-path-side, M-host-read)', () => {
    const verdict = (name: string): string => checkScenario(textOf(name)).result.verdict;
    expect(verdict('pcie-nc-unmap-flr.race')).toBe('safe');
    expect(verdict('pcie-nc-flr-without-unmap.race')).toBe('unsafe');
    expect(verdict('soc-nc-unmap-ctrl.race')).toBe('unsafe');
    expect(verdict('soc-nc-unmap-read-ctrl.race')).toBe('safe');
  });

  it('show gathering: eight Normal-NC stores arrive as 1 to 8 writes, Device-nGnRE as 8', () => {
    const writes = (name: string) => checkScenario(textOf(name)).result.writes;
    expect(writes('pcie-gathering-nc.race')).toEqual({ min: 1, max: 8 });
    expect(writes('pcie-gathering-ngnre.race')).toEqual({ min: 8, max: 8 });
  });
});
