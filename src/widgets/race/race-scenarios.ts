/**
 * The shipped scenarios for the race widgets: in the race worker, and at
 * build time for the picker and the first paint (the page's own script
 * carries none of them).
 */
import { parseScenario, type Platform, type Scenario } from '../../engine/race/index.ts';
import { resolveGuestType } from '../../engine/race/guest-type.ts';
import { SHIPPED, shippedFile } from '../../shipped-scenarios.ts';

export { SHIPPED, shippedFile };

/** One shipped scenario as the picker offers it: its file name, and its title less what its group already says. */
export interface ScenarioChoice {
  readonly name: string;
  readonly label: string;
}

/** The shipped scenarios of one platform whose guest gets one memory type: the question they share. */
export interface ScenarioGroup {
  readonly label: string;
  readonly choices: readonly ScenarioChoice[];
}

/** How titles and group labels write a platform (the scenario language says `pcie` and `soc`). */
const PLATFORM_WORDS: Readonly<Record<Platform, string>> = { pcie: 'PCIe', soc: 'SoC' };

/**
 * The title without its leading parts that the group label says (`PCIe,
 * Normal-NC, two vCPUs: ...` in the PCIe Normal-NC group reads `two vCPUs:
 * ...`); a title that would be left empty stays whole.
 */
function shortTitle(title: string, said: readonly string[]): string {
  let rest = title;
  for (;;) {
    const part = /^([^,:]+)[,:]\s*/.exec(rest);
    if (!part || !said.includes(part[1]!.trim().toLowerCase()) || rest.length === part[0].length) return rest;
    rest = rest.slice(part[0].length);
  }
}

/**
 * The shipped scenarios grouped for the picker by platform and by the
 * memory type the guest's accesses get (what the engine combines its two
 * stages into), groups and scenarios in name order: everything comes from
 * the files, so a new scenario lands in its group by itself.
 */
export const SHIPPED_GROUPS: readonly ScenarioGroup[] = (() => {
  const groups = new Map<string, ScenarioChoice[]>();
  for (const [name, text] of SHIPPED) {
    const scenario: Scenario = parseScenario(text, shippedFile(name));
    const type = resolveGuestType(scenario.guestS1, scenario.guestS2, scenario.fwb).name;
    const platform = PLATFORM_WORDS[scenario.platform];
    const label = `${platform}, ${type} accesses`;
    const title = shortTitle(scenario.title ?? name, [platform.toLowerCase(), type.toLowerCase()]);
    groups.set(label, [...(groups.get(label) ?? []), { name, label: title }]);
  }
  return [...groups].map(([label, choices]) => ({ label, choices }));
})();
