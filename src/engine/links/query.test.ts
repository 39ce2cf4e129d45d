import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MODEL_VERSION } from '../version.ts';
import { readQuery, writeQuery } from './query.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS, combineLink, type CombineState } from './combine-query.ts';

const state = fc.record<CombineState>({
  s1: fc.integer({ min: 0, max: 0xff }),
  s2: fc.integer({ min: 0, max: 0xf }),
  fwb: fc.boolean(),
  s1sh: fc.constantFrom(0, 1, 2, 3),
  s2sh: fc.constantFrom(0, 1, 2, 3),
  cd: fc.boolean(),
});

describe('combine state as a URL query', () => {
  it('restores exactly the state it was written from', () => {
    fc.assert(
      fc.property(state, (s) => {
        const restored = readQuery(COMBINE_PARAMS, writeQuery(COMBINE_PARAMS, s, COMBINE_DEFAULTS));
        expect(restored.problems).toEqual([]);
        expect({ ...COMBINE_DEFAULTS, ...restored.values }).toEqual(s);
      }),
    );
  });

  it('writes the model version, then only what differs from the defaults', () => {
    expect(writeQuery(COMBINE_PARAMS, COMBINE_DEFAULTS, COMBINE_DEFAULTS)).toBe(`?v=${MODEL_VERSION}`);
    expect(combineLink('https://example.org/', { ...COMBINE_DEFAULTS, s1: 0x04, fwb: true })).toBe(
      `https://example.org/play/combine/?v=${MODEL_VERSION}&s1=0x04&fwb=on`,
    );
    expect(combineLink('https://example.org', COMBINE_DEFAULTS, 1)).toBe('https://example.org/play/combine/?v=1');
  });

  it('reads v as the model version, not as a parameter of the state', () => {
    expect(readQuery(COMBINE_PARAMS, '?v=1&s1=0x04')).toEqual({ values: { s1: 0x04 }, problems: [] });
  });

  it('names each bad or unknown parameter and keeps the good ones', () => {
    const restored = readQuery(COMBINE_PARAMS, '?s1=0x1g&s2=Normal-NC&s1sh=7&fwb=maybe&colour=red&s2sh=2');
    expect(restored.values).toEqual({ s2sh: 2 });
    expect(restored.problems).toHaveLength(5);
    for (const name of ['s1', 's2', 's1sh', 'fwb']) expect(restored.problems.join('\n')).toContain(`parameter '${name}'`);
    expect(restored.problems.join('\n')).toContain("unknown parameter 'colour'");
  });

  it('names a parameter given twice: which value the author meant cannot be known', () => {
    expect(readQuery(COMBINE_PARAMS, '?s1=0x04&s1=0x44').problems).toEqual(["parameter 's1' given more than once"]);
  });

  it('never throws on arbitrary query text', () => {
    fc.assert(fc.property(fc.string(), (text) => void readQuery(COMBINE_PARAMS, text)));
  });
});
