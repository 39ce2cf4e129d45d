/**
 * The shipped scenarios for the race widgets: in the race worker, and at
 * build time for the picker and the first paint (the page's own script
 * carries none of them).
 */
import { parseScenario, type Scenario } from '../../engine/race/index.ts';
import { SHIPPED, shippedFile } from '../../shipped-scenarios.ts';

export { SHIPPED, shippedFile };

/** Each shipped scenario's name and title, for the picker. */
export const SHIPPED_TITLES: readonly { readonly name: string; readonly title: string }[] = [...SHIPPED].map(([name, text]) => {
  const scenario: Scenario = parseScenario(text, shippedFile(name));
  return { name, title: scenario.title ?? name };
});
