import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from './build.ts';
import { Draft } from './draft.ts';
import { EVERY_MOVE } from './model.ts';
import { startState, type State } from './state.ts';
import { KeyEncoder, keyShape } from './state-key.ts';
import { movesOf, stepsOf, takeStep } from './transitions.ts';
import { multiVcpuScenario, scenario } from '../language/scenario-arbitrary.ts';
import { parseScenario } from '../language/parser.ts';
import type { Scenario } from '../types.ts';

/**
 * Walks the states of a scenario breadth-first (every step, up to `limit`
 * states) and checks that the key of each successor, as the explorer
 * computes it (a draft's edits applied to the words of its parent's parts,
 * read from the parent's key, key-part.ts), is the key of the successor
 * built and encoded afresh, with the same hash.
 */
function keysAgree(s: Scenario, reduction: boolean, limit = 400): void {
  const model = buildModel(s);
  const shape = keyShape(model, reduction);
  const keys = new KeyEncoder(model, shape);
  const fresh = new KeyEncoder(model, shape);
  const seen = new Set<string>();
  const queue: State[] = [startState(model)];
  for (let head = 0; head < queue.length && queue.length < limit; head += 1) {
    const parent = queue[head]!;
    // The parts of the parent are read from its key, as the explorer reads them from the keys it stores.
    keys.expanding(parent, fresh.encode(parent).slice(0, fresh.length), 0);
    const next = new Draft(parent);
    for (const step of stepsOf(model, parent, movesOf(model, parent), EVERY_MOVE)) {
      next.redraft(parent);
      takeStep(model, next, step);
      const derived = [...keys.encodeDraft(next).subarray(0, keys.length)];
      const successor = next.freeze();
      const built = [...fresh.encode(successor).subarray(0, fresh.length)];
      expect(derived, `step ${step.kind}`).toEqual(built);
      // The set finds a key by its hash, folded from the parts' hashes: the parts copied from the parent must hash as written.
      expect(keys.hash, `hash after step ${step.kind}`).toBe(fresh.hash);
      const text = built.join(',');
      if (!seen.has(text)) {
        seen.add(text);
        queue.push(successor);
      }
    }
  }
}

describe('state keys', () => {
  it("derives a successor's key from its parent's, as encoding the successor gives it", () => {
    fc.assert(
      fc.property(fc.oneof(multiVcpuScenario(), scenario()), fc.boolean(), (s, reduction) => keysAgree(s, reduction)),
      { numRuns: 300 },
    );
  });

  it('derives the keys of long runs on a path and in buffers (the reach family, ordered and unordered paths)', () => {
    for (const order of ['yes', 'no']) {
      const programs = [0, 1].map((k) => `${k === 0 ? 'guest' : 'guest1'} ${[0, 8, 16, 64].map((i) => `store 0x${(0x1000 * k + i).toString(16)}`).join('; ')}`);
      const text = ['platform soc', 'guest-s1 Normal-NC', 'guest-s2 Normal-NC', `option write-order=${order}`, ...programs, 'host unmap-s2; read 0x0; reset ctrl', ''].join('\n');
      for (const reduction of [true, false]) keysAgree(parseScenario(text), reduction, 3_000);
    }
  });

  it('derives the key when a write leaves from between two of another PE on an ordered path (their runs become one)', () => {
    // Device-nGnRE keeps each PE's writes in order but not two PEs' (write-order=no): guest1's store may arrive from between two of vCPU 0's.
    const text = 'platform soc\nguest-s1 Device-nGnRE\nguest-s2 Normal-NC\noption write-order=no\nguest store 0x0; store 0x8; store 0x10\nguest1 store 0x1000; store 0x1008\nhost unmap-s2; reset ctrl\n';
    for (const reduction of [true, false]) keysAgree(parseScenario(text), reduction, 3_000);
  });
});
