/**
 * The shipped scenarios (scenarios/*.race), bundled as text by Vite so the
 * race widgets offer exactly the files the CLI and the tests read: in the
 * race worker, and at build time for the picker and the first paint (the
 * page's own script carries none of them). The engine never sees Vite: it
 * gets the texts.
 */
import { parseScenario, type Scenario } from '../engine/race/index.ts';
import type { ShippedScenarios } from '../engine/format/race-query.ts';

const files = import.meta.glob<string>('/scenarios/*.race', { query: '?raw', import: 'default', eager: true });

/** Name (file name without `.race`) to file text, in name order. */
export const SHIPPED: ShippedScenarios = new Map(
  Object.entries(files)
    .map(([path, text]): [string, string] => [path.slice('/scenarios/'.length, -'.race'.length), text])
    .sort(([a], [b]) => a.localeCompare(b)),
);

/** The file a CLI user would pass for this scenario, which the plain text names. */
export const shippedFile = (name: string): string => `scenarios/${name}.race`;

/** Each shipped scenario's name and title, for the picker. */
export const SHIPPED_TITLES: readonly { readonly name: string; readonly title: string }[] = [...SHIPPED].map(([name, text]) => {
  const scenario: Scenario = parseScenario(text, shippedFile(name));
  return { name, title: scenario.title ?? name };
});
