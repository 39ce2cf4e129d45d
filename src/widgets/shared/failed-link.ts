/**
 * A failed link as every playground shows it (links/link-outcome.ts): the
 * view (FailedLink.svelte), the problems, and what the link decodes to (a
 * scenario text, or the command for the state, which the widget loads
 * itself from links/state-command.ts). Loaded only when a link fails: no
 * page pays for it otherwise.
 */
import type { Component } from 'svelte';

export interface Failure {
  readonly view: Component<{ problems: readonly string[]; decoded?: string | undefined; action: string; onrun: () => void; level?: 2 | 3 }>;
  readonly problems: readonly string[];
  readonly decoded?: string;
}

export async function failureOf(problems: readonly string[], decoded?: string | Promise<string>): Promise<Failure> {
  const [view, text] = await Promise.all([import('./FailedLink.svelte').then((m) => m.default), decoded]);
  return { view, problems, ...(text === undefined ? {} : { decoded: text }) };
}
