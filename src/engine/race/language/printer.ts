/**
 * Writes a scenario back in canonical form: directives in a fixed order,
 * one explicit knob per `option` line, offsets in hex, op lists wrapped at
 * 72 columns (or `width`) by repeating the directive. parse(print(s))
 * equals s.
 */
import { KNOB_NAMES, VCPU_DIRECTIVES, vcpuPrograms, type GuestOp, type HostOp, type Scenario } from '../types.ts';

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

export function printScenario(scenario: Scenario, width = WIDTH): string {
  const lines: string[] = [];
  if (scenario.title !== undefined) lines.push(`title ${scenario.title}`);
  lines.push(`platform ${scenario.platform}`);
  lines.push(`fwb ${scenario.fwb ? 'on' : 'off'}`);
  lines.push(`guest-s1 ${scenario.guestS1}`);
  if (scenario.kvm) {
    lines.push(`kernel ${scenario.kvm.kernel}`);
    lines.push(`vma ${scenario.kvm.vma}${scenario.kvm.allowAnyUncached ? ' allow-any-uncached' : ''}`);
  } else {
    lines.push(`guest-s2 ${scenario.guestS2}`);
  }
  for (const name of KNOB_NAMES) {
    const value = scenario.options[name];
    if (value !== undefined) lines.push(`option ${name}=${value ? 'yes' : 'no'}`);
  }
  vcpuPrograms(scenario).forEach((ops, k) => {
    const directive = VCPU_DIRECTIVES[k] ?? 'guest';
    const printed = programLines(directive, ops.map(guestOpText), width);
    // An empty program still needs its directive when further vCPUs follow, or they would renumber.
    lines.push(...(printed.length === 0 && (k > 0 || scenario.guest1 !== undefined) ? [directive] : printed));
  });
  lines.push(...programLines('host', scenario.host.map(hostOpText), width));
  if (scenario.expect !== undefined) lines.push(`expect ${scenario.expect}`);
  return lines.join('\n') + '\n';
}
