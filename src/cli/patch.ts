/**
 * `patch --author "Name <address>" [--cover]`: the Documentation patch
 * (src/kernel-doc/device-memory.mdx as Documentation/virt/kvm/arm/
 * device-memory.rst, with its toctree entry) as a mail that `git am`
 * applies, from that author and signed off by them. Without --author it
 * prints the text that says the patch needs one. `--cover` prints the note
 * that goes with it: the suggested To: and Cc: from MAINTAINERS and a
 * `git send-email` line.
 */
import { coverText, parseAuthor, PatchAuthorError } from '../engine/patch/index.ts';
import { buildKernelDocument } from '../export/kernel-doc.ts';
import { APPLIES_TO, buildKernelPatch, PATCH_FILE } from '../export/kernel-patch.ts';
import { UsageError, type Command } from './io.ts';

const TAKES = '--author "Name <address>", --cover';

export const patchCommand: Command = async (args, io) => {
  let author: string | undefined;
  let cover = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const inline = /^--author=(.*)$/s.exec(arg);
    if (arg === '--author' || inline) {
      const value = inline ? inline[1] : args[++i];
      if (value === undefined) throw new UsageError('patch: option --author needs "Name <address>"');
      if (author !== undefined) throw new UsageError('patch: --author given twice');
      author = value;
    } else if (arg === '--cover') {
      cover = true;
    } else {
      throw new UsageError(`patch: unknown argument '${arg}' (patch takes ${TAKES})`);
    }
  }
  if (io.model !== undefined) throw new UsageError('patch: --model does not apply: the patch is not computed by a model');
  if (cover) {
    io.out(coverText(PATCH_FILE, APPLIES_TO));
    return 0;
  }
  let parsed;
  try {
    parsed = author === undefined ? undefined : parseAuthor(author);
  } catch (error) {
    if (error instanceof PatchAuthorError) throw new UsageError(`patch: --author: ${error.message}`);
    throw error;
  }
  const doc = await buildKernelDocument(process.cwd());
  io.out(buildKernelPatch(doc, parsed));
  if (parsed === undefined) io.err('patch: no --author, so this is the patch for reading; add --author "Name <address>" to make one you can send\n');
  return 0;
};
