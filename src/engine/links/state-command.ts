/**
 * A playground's state as the command line that answers the same question
 * (`npm run -s cli -- ...`): what `cli link` prints for a link, what a
 * page opened without JavaScript or through a failed link shows. Every
 * value is written as the link writes it (raw encodings), and `--model N`
 * is added for an older model version.
 */
import { mairHex, type MairValue } from '../attrs/mair.ts';
import { hexByte, hexNibble } from '../attrs/memtype.ts';
import type { KvmInput } from '../kvm/types.ts';
import { MODEL_VERSION } from '../version.ts';
import type { CombineState } from './combine-query.ts';
import type { KvmModeState } from './kvm-query.ts';

export const CLI = 'npm run -s cli --';

const model = (version: number): string[] => (version === MODEL_VERSION ? [] : ['--model', String(version)]);
const flag = (on: boolean, name: string): string[] => (on ? [`--${name}`] : []);

export function combineCommand(state: CombineState, version = MODEL_VERSION): string {
  const sh = (value: number, name: string): string[] => (value === 3 ? [] : [`--${name}`, String(value)]);
  const args = ['combine', '--s1', hexByte(state.s1), '--s2', hexNibble(state.s2), ...flag(state.fwb, 'fwb'), ...flag(state.cd, 'cd'), ...sh(state.s1sh, 's1sh'), ...sh(state.s2sh, 's2sh')];
  return [CLI, ...args, ...model(version)].join(' ');
}

function kvmArgs(input: Omit<KvmInput, 'fwb'>, fwb: boolean): string[] {
  return [
    'kvm',
    '--kernel',
    input.kernel,
    '--vma',
    input.backing,
    '--pgprot',
    input.pgprot,
    ...flag(input.allowAnyUncached, 'allow-any-uncached'),
    ...flag(fwb, 'fwb'),
    ...flag(input.dic, 'dic'),
    ...flag(input.exec, 'exec'),
  ];
}

export function kvmCommand(input: KvmInput, version = MODEL_VERSION): string {
  return [CLI, ...kvmArgs(input, input.fwb), ...model(version)].join(' ');
}

/**
 * The combining explorer in "from KVM" mode: `kvm ... --s1`, which maps
 * both stages Inner Shareable without HCR_EL2.CD, as the explorer starts;
 * other shareability or CD are named after it.
 */
export function combineKvmCommand(state: CombineState, mode: KvmModeState, version = MODEL_VERSION): string {
  const command = [CLI, ...kvmArgs(mode, state.fwb), '--s1', hexByte(state.s1), ...model(version)].join(' ');
  const beyond = [...(state.s1sh === 3 ? [] : [`stage-1 SH=${state.s1sh}`]), ...(state.cd ? ['HCR_EL2.CD=1'] : [])];
  return beyond.length === 0 ? command : `${command}  # the explorer also has ${beyond.join(' and ')}`;
}

export function mairCommand(value: MairValue, version = MODEL_VERSION): string {
  return [CLI, 'mair', mairHex(value), ...model(version)].join(' ');
}

/** A race scenario: a shipped file by name (current version), otherwise the text itself on standard input. */
export function raceCommand(text: string, shippedName: string | undefined, version = MODEL_VERSION): string {
  if (shippedName !== undefined && version === MODEL_VERSION) return `${CLI} race scenarios/${shippedName}.race`;
  return `${[CLI, 'race', '-', ...model(version)].join(' ')} <<'EOF'\n${text.endsWith('\n') ? text : `${text}\n`}EOF`;
}
