/**
 * The race playground's <noscript> notice (NoScriptState.svelte), apart
 * from the other widgets' notes (noscript-notes.ts): those read the
 * combining and KVM engines' parameter lists, which the race pages do not
 * load.
 */
import type { NoScriptNote } from '../shared/noscript-notes.ts';

export function raceNote(scenario: string): NoScriptNote {
  return {
    shown: `the scenario ${scenario}`,
    params: 'scenario, or one per directive such as platform, guest (guest1 to guest3 for further vCPUs) and host',
    section: 'race-explorer-playrace',
  };
}
