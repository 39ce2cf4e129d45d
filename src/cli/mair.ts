/**
 * `mair <value> [--json]`: a MAIR attribute byte (`44`, `0x44`, `#68`) or
 * a whole MAIR_EL1/MAIR_EL2 value (`0x000000ff440c0400`) decoded as the MAIR
 * decoder playground decodes it, each attribute with Linux's memory type at
 * its index; as text ending with the playground's link, or as JSON.
 */
import { decodeMair, parseMair, type MairValue } from '../engine/attrs/mair.ts';
import { decodeS1 } from '../engine/attrs/decode-s1.ts';
import { AttrInputError } from '../engine/attrs/parse.ts';
import { mairJson, mairText } from '../engine/format/mair-text.ts';
import { mairLink } from '../engine/links/mair-query.ts';
import { linkLines } from '../engine/links/link-line.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { UsageError, type Command } from './io.ts';
import { loadRelease } from './load-release.ts';

export const mairCommand: Command = async (args, io) => {
  const json = args.includes('--json');
  const rest = args.filter((arg) => arg !== '--json');
  const option = rest.find((arg) => arg.startsWith('--'));
  if (option) throw new UsageError(`mair: unknown option '${option}'; it takes a value and --json`);
  if (rest.length === 0) throw new UsageError('mair: missing the value, e.g. mair 0x44 or mair 0x000000ff440c0400');
  if (rest.length > 1) throw new UsageError(`mair: one value expected, got ${rest.length} ('${rest.join("' '")}'); quote a value written with blanks`);
  let value: MairValue;
  try {
    value = parseMair(rest[0] ?? '');
  } catch (error) {
    if (error instanceof AttrInputError) throw new UsageError(`mair: ${error.message}`);
    throw error;
  }
  const model = io.model ?? MODEL_VERSION;
  const decode = model === MODEL_VERSION ? decodeS1 : (await loadRelease(model)).decodeS1;
  const decoding = decodeMair(value, decode);
  io.out(json ? mairJson(decoding, model) : `${mairText(decoding)}${linkLines(mairLink(io.site, { mair: value }, model), model)}`);
  return 0;
};
