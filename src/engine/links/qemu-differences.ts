/**
 * The examples of the QEMU differences (attrs/qemu.ts) as the Reference page
 * shows them: the CLI command a reader can run, a link to the same state in
 * the combining explorer, and the engine's result, computed when the site
 * is built.
 */
import { combine, parseS1, parseS2, type CombineResult, type QemuExample } from '../attrs/index.ts';
import { COMBINE_DEFAULTS, combineLink, type CombineState } from './combine-query.ts';

export interface ShownExample {
  /** `npm run -s cli -- combine ...` with the example's options. */
  readonly command: string;
  /** The combining explorer on this state, under the site's base path. */
  readonly link: string;
  readonly result: CombineResult;
}

/** The explorer state of an example: its encodings as the CLI parses them, shareability at the defaults. */
export function exampleState(example: QemuExample): CombineState {
  const fwb = example.fwb ?? false;
  return { ...COMBINE_DEFAULTS, s1: parseS1(example.s1), s2: parseS2(example.s2, fwb), fwb, cd: example.cd ?? false };
}

export function exampleArgs(example: QemuExample): string[] {
  return ['combine', '--s1', example.s1, '--s2', example.s2, ...(example.fwb ? ['--fwb'] : []), ...(example.cd ? ['--cd'] : [])];
}

/** `base`: the site's base path ('' at the root). */
export function showExample(example: QemuExample, base = ''): ShownExample {
  const state = exampleState(example);
  return { command: `npm run -s cli -- ${exampleArgs(example).join(' ')}`, link: combineLink(base, state), result: combine(state) };
}
