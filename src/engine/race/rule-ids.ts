/**
 * How the race model page and the code spell rule IDs, for the tests that
 * hold the code (rule-ids.test.ts) and the Promela export
 * (promela/promela.test.ts) to the page. The page defines a rule as a list
 * item that starts with its ID in code (`` - `M-…`: ``); anywhere else an
 * ID only refers to one. A family (`M-wb-*`) refers to every rule whose ID
 * starts with it.
 */

const ID = String.raw`M-[a-z0-9]+(?:-[a-z0-9]+)*`;
const DEFINITION = new RegExp(String.raw`^[ \t]*[-*][ \t]+\`(${ID})\`:`, 'gm');
const CITATION = new RegExp(String.raw`\b(${ID})(-\*)?`, 'g');

/** The rules a page defines, in order, repeats kept (a test refuses them). */
export const ruleDefinitions = (page: string): string[] => [...page.matchAll(DEFINITION)].map((m) => m[1] ?? '');

/** The rule IDs a text names, and the families it names, each as the prefix its rules share. */
export function ruleCitations(text: string): { readonly ids: ReadonlySet<string>; readonly families: ReadonlySet<string> } {
  const ids = new Set<string>();
  const families = new Set<string>();
  for (const m of text.matchAll(CITATION)) {
    if (m[2] === undefined) ids.add(m[1] ?? '');
    else families.add(`${m[1]}-`);
  }
  return { ids, families };
}

/** The rule a text defines when it starts as a definition does once rendered (`M-…:`, its list item's text), for anchors on the page. */
export function ruleDefinedBy(text: string): string | undefined {
  return new RegExp(String.raw`^\s*(${ID}):`).exec(text)?.[1];
}
