/**
 * The note that goes with the Documentation patch: who to send it to
 * (from MAINTAINERS, maintainers.ts), a `git send-email` line, and a
 * short text for below the patch's `---` line saying what it is and how
 * it was checked. The command line prints it (`patch --cover`) and the
 * Documentation page shows it beside the form.
 */
import { MAINTAINERS_SOURCE, PATCH_ENTRIES, recipients } from './maintainers.ts';

const quoteShell = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The cover text for a patch file named `patchFile`; `appliesTo` names the trees whose index.rst it was checked against. */
export function coverText(patchFile: string, appliesTo: string): string {
  const { to, cc } = recipients();
  return [
    `Suggested recipients, from the entries of ${MAINTAINERS_SOURCE}:`,
    ...PATCH_ENTRIES.map((e) => `  ${e.entry}: ${e.why}`),
    '',
    ...to.map((a) => `To: ${a}`),
    ...cc.map((a) => `Cc: ${a}`),
    '',
    'Send it with:',
    '',
    `  git send-email ${[...to.map((a) => `--to=${quoteShell(a)}`), ...cc.map((a) => `--cc=${quoteShell(a)}`)].join(' \\\n      ')} \\`,
    `      ${patchFile}`,
    '',
    "A note for below the patch's --- line (it does not become part of the",
    'commit):',
    '',
    '  This adds a summary of how KVM/arm64 chooses the stage-2 memory type',
    '  of device memory and what a driver that sets VM_ALLOW_ANY_UNCACHED',
    '  relies on, as asked for in the review of the Normal-NC series. The',
    `  patch applies to ${appliesTo}, passes scripts/checkpatch.pl --strict,`,
    '  and adds no warning to a Sphinx build of Documentation/virt/kvm/arm',
    "  with the tree's own configuration.",
    '',
  ].join('\n');
}
