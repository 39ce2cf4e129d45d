/**
 * CHANGES against the versions and the corpora: one section per model
 * version, every entry says what it affects, and every answer that differs
 * between two consecutive versions is covered by an entry of the newer one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changesSince, entryAffects, parseChanges, parseSelector, selectorMatches, type StateFacts } from '../engine/release/changes.ts';
import { loadRelease } from '../cli/load-release.ts';
import { raceFacts } from '../engine/release/state-facts.ts';
import { KNOWN_VERSIONS, MODEL_VERSION } from '../engine/version.ts';
import { differingGroups, differingKernels, differingScenarios } from './compare.ts';
import { readCorpus } from './files.ts';

const sections = parseChanges(readFileSync(new URL('../../CHANGES', import.meta.url), 'utf8'));

function groupFacts(name: string): StateFacts {
  return { kind: 'combine', facts: Object.fromEntries(name.split(' ').map((term) => term.split('=') as [string, string])) };
}

describe('CHANGES', () => {
  it('has one section per model version, newest first', () => {
    expect(sections.map((s) => s.version)).toEqual([...KNOWN_VERSIONS].reverse());
  });

  it('every entry says what changed and which states it affects', () => {
    for (const entry of sections.flatMap((s) => s.entries)) {
      expect(entry.text.length).toBeGreaterThan(20);
      expect(entry.affects.length, entry.text).toBeGreaterThan(0);
    }
  });

  it.each(KNOWN_VERSIONS.slice(1))('every answer that differs from the version before %i is covered by one of its entries', async (version) => {
    const older = readCorpus(version - 1)!;
    const newer = readCorpus(version)!;
    const entries = sections.find((s) => s.version === version)!.entries;
    const covered = (state: StateFacts): boolean => entries.some((entry) => entryAffects(entry, state));
    const uncoveredGroups = differingGroups(older, newer).filter((group) => !covered(groupFacts(group)));
    expect(uncoveredGroups.slice(0, 5), 'combining inputs whose answer changed, with no CHANGES entry affecting them').toEqual([]);
    const releases = { older: await loadRelease(version - 1), newer: await loadRelease(version) };
    const uncoveredScenarios = differingScenarios(older, newer).filter((name) => {
      const release = releases.newer.scenarios[name] === undefined ? releases.older : releases.newer;
      return !covered(raceFacts(release.checkScenario(release.scenarios[name]!, { file: name }), name));
    });
    expect(uncoveredScenarios, 'shipped scenarios whose answer changed, with no CHANGES entry affecting them').toEqual([]);
    const uncoveredKernels = differingKernels(older, newer).filter((kernel) => !covered({ kind: 'kvm', facts: { kernel } }));
    expect(uncoveredKernels, 'KVM release choices whose answers changed, with no CHANGES entry affecting them').toEqual([]);
  }, 60_000);
});

describe('changelog selectors', () => {
  const soc: StateFacts = { kind: 'race', facts: { platform: 'soc', fwb: 'off', type: 'Normal-NC', 'early-ack': 'yes', scenario: 'soc-nc-unmap-ctrl' } };

  it('all conditions of an affects line must hold; | gives alternatives', () => {
    expect(selectorMatches(parseSelector('race platform=soc', 'x'), soc)).toBe(true);
    expect(selectorMatches(parseSelector('race platform=pcie', 'x'), soc)).toBe(false);
    expect(selectorMatches(parseSelector('race platform=soc early-ack=no', 'x'), soc)).toBe(false);
    expect(selectorMatches(parseSelector('race type=Device-nGnRE|Normal-NC', 'x'), soc)).toBe(true);
    expect(selectorMatches(parseSelector('combine', 'x'), soc)).toBe(false);
    expect(selectorMatches(parseSelector('all', 'x'), soc)).toBe(true);
  });

  it('a condition on a fact the state leaves open (a group of inputs) may hold', () => {
    expect(selectorMatches(parseSelector('combine s2=0x4', 'x'), groupFacts('fwb=off cd=off s1=0x44 s1sh=3'))).toBe(true);
  });

  it('bad lines are named by line number', () => {
    expect(() => parseChanges('Version 3 (x)\n\n- a change\n  affects: races\n')).toThrow(/^CHANGES:4: 'affects:' must start with/);
    expect(() => parseChanges('Version 3 (x)\n\nstray text\n')).toThrow(/^CHANGES:3: /);
    expect(() => parseChanges('Version 3 (x)\n- a\n  affects: race platform\n')).toThrow(/'platform' is not a key=value condition/);
  });

  it('an old link is shown the entries since its version that affect it, newest first', () => {
    const text = 'Version 3 (c)\n- three\n  affects: race platform=soc\nVersion 2 (b)\n- two\n  affects: combine\n- two race\n  affects: race\nVersion 1 (a)\n- one\n  affects: all\n';
    expect(changesSince(parseChanges(text), 1, 3, soc).map((e) => e.text)).toEqual(['three', 'two race']);
    expect(changesSince(parseChanges(text), 2, 3, { kind: 'combine', facts: {} }).map((e) => e.text)).toEqual([]);
    expect(changesSince(sections, MODEL_VERSION, MODEL_VERSION, soc)).toEqual([]);
  });
});
