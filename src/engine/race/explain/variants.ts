/**
 * The variants that ablation and repair explore, built on the parsed
 * scenario: one op removed, one knob set, or another host program. A
 * variant drops the original's `title` and `expect`, which describe the
 * original, so that its link and its text say only what it is.
 */
import { vcpuPrograms, VCPU_DIRECTIVES, type HostOp, type KnobName, type Scenario, type VcpuName } from '../types.ts';

/** A program of a scenario by its directive: a vCPU's or the host's. */
export type ProgramName = VcpuName | 'host';

function bare(scenario: Scenario): Scenario {
  const { title: _title, expect: _expect, ...rest } = scenario;
  return rest;
}

/** The scenario without op `index` of `program`. */
export function withoutOp(scenario: Scenario, program: ProgramName, index: number): Scenario {
  if (program === 'host') return { ...bare(scenario), host: scenario.host.filter((_, i) => i !== index) };
  const ops = vcpuPrograms(scenario)[VCPU_DIRECTIVES.indexOf(program)] ?? [];
  return { ...bare(scenario), [program]: ops.filter((_, i) => i !== index) };
}

/** The scenario with `knob` set explicitly to `value`, every other setting of the file kept. */
export function withKnob(scenario: Scenario, knob: KnobName, value: boolean): Scenario {
  return { ...bare(scenario), options: { ...scenario.options, [knob]: value } };
}

/** The scenario with another host program. */
export function withHost(scenario: Scenario, host: readonly HostOp[]): Scenario {
  return { ...bare(scenario), host };
}

/** A knob setting as the language writes it: `write-order=no`. */
export const setting = (knob: KnobName, value: boolean): string => `${knob}=${value ? 'yes' : 'no'}`;
