/**
 * Writes a scenario back in canonical form: directives in a fixed order,
 * one explicit knob per `option` line, offsets in hex, op lists wrapped at
 * 72 columns (or `width`) by repeating the directive. parse(print(s))
 * equals s.
 */
import { KNOB_NAMES, VCPU_DIRECTIVES, vcpuPrograms, type GuestOp, type HostOp, type KnobName, type Scenario, type VcpuName } from '../types.ts';

const WIDTH = 72;

export function hex(value: number): string {
  return `0x${value.toString(16)}`;
}

export function guestOpText(op: GuestOp): string {
  return op.op === 'store' ? `store ${hex(op.offset)}` : op.op;
}

export function hostOpText(op: HostOp): string {
  if (op.op === 'read') return `read ${hex(op.offset)}`;
  if (op.op === 'reset') return `reset ${op.method}`;
  if (op.op === 'dc-civac') return `dc civac ${op.offset === 'all' ? 'all' : hex(op.offset)}`;
  return op.op;
}

/** `guest a; b; c` lines, each at most `width` columns unless one op alone is longer. */
function programLines(directive: string, ops: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let current: string[] = [];
  for (const op of ops) {
    const candidate = `${directive} ${[...current, op].join('; ')}`;
    if (current.length > 0 && candidate.length > width) {
      lines.push(`${directive} ${current.join('; ')}`);
      current = [];
    }
    current.push(op);
  }
  if (current.length > 0) lines.push(`${directive} ${current.join('; ')}`);
  return lines;
}

/**
 * One directive of the language as the printer keys it: each knob is a
 * directive of its own (`option early-ack=no`), so that changing one knob
 * changes one line (language/edit.ts edits a text directive by directive).
 */
export type DirectiveKey = 'title' | 'platform' | 'fwb' | 'guest-s1' | 'kernel' | 'vma' | 'guest-s2' | `option ${KnobName}` | VcpuName | 'host' | 'expect';

/** The directives in the order the printer writes them. */
export const DIRECTIVE_KEYS: readonly DirectiveKey[] = [
  'title',
  'platform',
  'fwb',
  'guest-s1',
  'kernel',
  'vma',
  'guest-s2',
  ...KNOB_NAMES.map((name): DirectiveKey => `option ${name}`),
  ...VCPU_DIRECTIVES,
  'host',
  'expect',
];

/** The lines the printer writes for one directive of `scenario` (none when the scenario does not have it), op lists wrapped at `width` columns. */
export function printDirective(scenario: Scenario, key: DirectiveKey, width = WIDTH): string[] {
  switch (key) {
    case 'title':
      return scenario.title === undefined ? [] : [`title ${scenario.title}`];
    case 'platform':
      return [`platform ${scenario.platform}`];
    case 'fwb':
      return [`fwb ${scenario.fwb ? 'on' : 'off'}`];
    case 'guest-s1':
      return [`guest-s1 ${scenario.guestS1}`];
    case 'kernel':
      return scenario.kvm ? [`kernel ${scenario.kvm.kernel}`] : [];
    case 'vma':
      return scenario.kvm ? [`vma ${scenario.kvm.vma}${scenario.kvm.allowAnyUncached ? ' allow-any-uncached' : ''}`] : [];
    case 'guest-s2':
      return scenario.kvm ? [] : [`guest-s2 ${scenario.guestS2}`];
    case 'host':
      return programLines('host', scenario.host.map(hostOpText), width);
    case 'expect':
      return scenario.expect === undefined ? [] : [`expect ${scenario.expect}`];
  }
  if (key.startsWith('option ')) {
    const name = key.slice('option '.length) as KnobName;
    const value = scenario.options[name];
    return value === undefined ? [] : [`option ${name}=${value ? 'yes' : 'no'}`];
  }
  const k = VCPU_DIRECTIVES.indexOf(key as VcpuName);
  const ops = vcpuPrograms(scenario)[k];
  if (ops === undefined) return [];
  const printed = programLines(key, ops.map(guestOpText), width);
  // An empty program still needs its directive when further vCPUs follow, or they would renumber.
  return printed.length === 0 && (k > 0 || scenario.guest1 !== undefined) ? [key] : printed;
}

export function printScenario(scenario: Scenario, width = WIDTH): string {
  return DIRECTIVE_KEYS.flatMap((key) => printDirective(scenario, key, width)).join('\n') + '\n';
}
