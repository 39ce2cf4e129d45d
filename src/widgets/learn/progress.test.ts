/**
 * Progress as the exercises record it: where storage is refused (here,
 * Node has none) it lasts as long as the page; an instance answered right
 * counts once, however often it is checked, and sets the next draw's level.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { levelOf, progressKey, readProgress, recordAnswer, resetProgress } from './progress.ts';

describe('progress', () => {
  beforeEach(() => resetProgress());
  const key = progressKey('learn/combining', 'before');

  it('counts each instance answered right once, every check as a try, and remembers the last answer', () => {
    recordAnswer(key, '0.0', 'Normal-NC', false);
    recordAnswer(key, '0.0', 'Device-nGnRE', true);
    const again = recordAnswer(key, '0.0', 'Device-nGnRE', true);
    expect(again).toEqual({ tries: 3, right: 1, rightDraw: '0.0', last: { draw: '0.0', choice: 'Device-nGnRE', right: true } });
    expect(recordAnswer(key, '1.1', 'Normal-NC', true).right).toBe(2);
    expect(readProgress()[key]?.right).toBe(2);
  });

  it('raises the level one step per right answer, and reset forgets everything', () => {
    expect(levelOf(undefined)).toBe(0);
    recordAnswer(key, '0.0', 'x', true);
    expect(levelOf(readProgress()[key])).toBe(1);
    recordAnswer(key, '1.1', 'x', true);
    recordAnswer(key, '2.2', 'x', true);
    expect(levelOf(readProgress()[key])).toBe(2);
    resetProgress();
    expect(readProgress()).toEqual({});
  });
});
