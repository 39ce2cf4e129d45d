/**
 * The knobs of the scenario language and their documented defaults. Every modelling
 * assumption that a reviewer might dispute is one of these, so a scenario
 * file states it instead of the engine hiding it.
 */
import { KNOB_NAMES, type KnobName, type Knobs, type Platform, type Scenario } from './types.ts';

export function isKnobName(name: string): name is KnobName {
  return (KNOB_NAMES as readonly string[]).includes(name);
}

/**
 * Defaults (the race model page gives each knob's rule):
 * - guest-stops=no: a malicious guest keeps issuing stores until the
 *   stage-2 unmap takes effect;
 * - same-pe=no: the host tears down from another physical CPU;
 * - early-ack=yes: the interconnect or root complex acknowledges writes;
 * - path-order=yes: one path keeps the order of what enters it;
 * - ne-honoured: no on pcie, where the root complex acknowledges posted
 *   writes whatever their attribute (Arm ARM B2.10.2.3 expects PCIe posted
 *   write regions not to support endpoint acknowledgement), yes on soc;
 * - config-order=yes: the PCIe ordering rules keep a non-posted request
 *   behind earlier posted writes.
 */
export function defaultKnobs(platform: Platform): Knobs {
  return {
    'guest-stops': false,
    'same-pe': false,
    'early-ack': true,
    'path-order': true,
    'ne-honoured': platform === 'soc',
    'config-order': true,
  };
}

/**
 * What each knob says about the platform or the actors, for readers (the
 * scenario language reference renders these beside the defaults above).
 */
export const KNOB_MEANINGS: Readonly<Record<KnobName, string>> = {
  'guest-stops':
    "yes: the guest's program runs to its end, every op executed and every guest dsb waited for, before the host's first step (stores left in buffers may still be in flight); no: a malicious guest keeps issuing its ops, interleaved freely with the host's, until unmap-s2 takes effect.",
  'same-pe':
    "yes: the host runs on the physical CPU the vCPU ran on, after it exited, so it shares the guest's write buffer; implies guest-stops=yes.",
  'early-ack':
    'yes: the interconnect or root complex acknowledges a write before it reaches the device (nE types excepted where ne-honoured); no: every write completes only at the device.',
  'path-order':
    'yes: transactions keep their order from the acknowledgement point to the device; no: a later transaction may overtake an earlier one on the way (on pcie a read or config request still never passes an earlier posted write).',
  'ne-honoured':
    'yes: a write to an nE type completes only at the device; no: it is acknowledged early like any other (the default on pcie, where the root complex acknowledges posted writes whatever their attribute).',
  'config-order':
    'pcie only. yes: the root complex keeps a config request (FLR) behind earlier posted writes to the same device, as the PCIe ordering rules require; no: models an ECAM path that bypasses the BAR path.',
};

/** The knobs in force: the file's explicit settings over the defaults; `same-pe` implies `guest-stops`. */
export function resolveKnobs(scenario: Scenario): Knobs {
  const knobs = { ...defaultKnobs(scenario.platform), ...scenario.options };
  if (knobs['same-pe']) knobs['guest-stops'] = true;
  return knobs;
}
