/**
 * What changed between two results, for marking and announcing changes.
 * Compares the rendered text of named fields, so it works for any result
 * object a widget shows.
 */
export type Fields = Readonly<Record<string, string>>;

export interface Change {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

export function changedFields(before: Fields | undefined, after: Fields): Change[] {
  if (!before) return [];
  return Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, from: before[field] ?? '', to: after[field] ?? '' }));
}

/** One sentence for screen readers: "Changed: type Normal-NC to Device-nGnRE; MAIR 0x44 to 0x04." */
export function announce(changes: readonly Change[]): string {
  if (changes.length === 0) return 'No change in the result.';
  return `Changed: ${changes.map((c) => `${c.field} ${c.from} to ${c.to}`).join('; ')}.`;
}
