import { describe, expect, it } from 'vitest';
import RACE_MODEL_PAGE from '../../../content/docs/reference/race-model.mdx?raw';
import { SHIPPED } from '../../../shipped-scenarios.ts';
import { parseScenario } from '../language/parser.ts';
import { ruleCitations, ruleDefinitions } from '../rule-ids.ts';
import { PromelaError, promelaFileName, stateRelation, toPromela } from './index.ts';

const shipped = [...SHIPPED.keys()];
const text = (name: string): string => SHIPPED.get(name) ?? '';

const SOC_NC = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0; store 0x8\nhost unmap-s2; reset ctrl\n';

describe('Promela export', () => {
  it('quotes the scenario in the header, and no text of it can close the comment', () => {
    const model = toPromela(parseScenario(`title a */ b\n${SOC_NC}`));
    expect(model).toContain(' *     host unmap-s2; reset ctrl');
    expect(model.indexOf('*/')).toBeGreaterThan(model.indexOf('host unmap-s2; reset ctrl'));
    expect(model).toContain('title a * / b');
  });

  it('drops store names with the reductions and keeps them (one bit per store) without', () => {
    const scenario = parseScenario(SOC_NC);
    expect(toPromela(scenario)).toContain('append_buf0(STORE, 0, 0, 0, 0)');
    const full = toPromela(scenario, { reduction: false });
    expect(full).toContain('append_buf0(STORE, 0, 0, 0, 1)');
    expect(full).toContain('append_buf0(STORE, 0, 0, 0, 2)');
    expect(full).toContain('equals the states `race --no-reduction` reports');
  });

  it('without reduction names at most 31 stores, one bit of an int each; with the reductions any number', () => {
    const stores = Array.from({ length: 32 }, (_, i) => `store 0x${(8 * i).toString(16)}`).join('; ');
    const scenario = parseScenario(SOC_NC.replace('guest store 0x0; store 0x8', `guest ${stores}`));
    expect(() => toPromela(scenario, { reduction: false })).toThrow(PromelaError);
    expect(() => toPromela(scenario, { reduction: false })).toThrow(/at most 31 stores .* this scenario has 32/);
    expect(toPromela(scenario)).toContain('append_buf0(STORE, 0, 0, 3, 0)');
  });

  it('keeps buffered Normal-NC stores in canonical order, but not Device-nGnRE ones, which drain in program order', () => {
    expect(toPromela(parseScenario(SOC_NC))).toContain('sort_buf0()');
    expect(toPromela(parseScenario(SOC_NC.replace('guest-s1 Normal-NC', 'guest-s1 Device-nGnRE')))).not.toContain('; sort_buf0()');
  });

  it('states equal counts for every shipped scenario without reduction', () => {
    for (const name of shipped) expect(stateRelation(parseScenario(text(name), name), { reduction: false }), name).toBe('equal');
  });

  it('cites only rule IDs that the race model page defines', () => {
    const defined = ruleDefinitions(RACE_MODEL_PAGE);
    for (const name of shipped) {
      const { ids, families } = ruleCitations(toPromela(parseScenario(text(name), name)));
      for (const id of ids) expect(defined, `${name} cites ${id}`).toContain(id);
      expect([...families], `${name} cites a family`).toEqual([]);
    }
  });

  it('names the file after the shipped scenario, else the title, else scenario.pml', () => {
    const scenario = parseScenario(`title PCIe, Normal-NC: FLR (no unmap)!\n${SOC_NC}`);
    expect(promelaFileName(scenario, 'soc-nc-unmap-ctrl.race')).toBe('soc-nc-unmap-ctrl.pml');
    expect(promelaFileName(scenario, 'scenarios/soc-nc-unmap-ctrl.race')).toBe('soc-nc-unmap-ctrl.pml');
    expect(promelaFileName(scenario)).toBe('pcie-normal-nc-flr-no-unmap.pml');
    expect(promelaFileName(parseScenario(SOC_NC))).toBe('scenario.pml');
    expect(promelaFileName(parseScenario(`title ***\n${SOC_NC}`))).toBe('scenario.pml');
  });
});
