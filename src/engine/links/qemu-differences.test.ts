import { describe, expect, it } from 'vitest';
import { differencesFromQemu } from '../attrs/index.ts';
import { readQuery } from './query.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS } from './combine-query.ts';
import { exampleState, showExample } from './qemu-differences.ts';

const examples = differencesFromQemu.flatMap((d) => d.examples.map((example) => ({ topic: d.topic, arm: d.arm, example })));

describe('QEMU differences page', () => {
  it.each(examples)('$topic: the Arm ARM explanation states the engine result for $example.s1 / $example.s2', ({ arm, example }) => {
    const { result } = showExample(example);
    expect([result.typeName, result.mairHex].some((said) => arm.includes(said))).toBe(true);
  });

  it.each(examples)('$topic: the explorer link opens the state the example names', ({ example }) => {
    const { link } = showExample(example);
    const restored = readQuery(COMBINE_PARAMS, new URL(link, 'http://localhost').search);
    expect(restored.problems).toEqual([]);
    expect({ ...COMBINE_DEFAULTS, ...restored.values }).toEqual(exampleState(example));
  });
});
