/**
 * The knobs of DESIGN 6 and their documented defaults. Every modelling
 * assumption that a reviewer might dispute is one of these, so a scenario
 * file states it instead of the engine hiding it.
 */
import { KNOB_NAMES, type KnobName, type Knobs, type Platform, type Scenario } from './types.ts';

export function isKnobName(name: string): name is KnobName {
  return (KNOB_NAMES as readonly string[]).includes(name);
}

/**
 * Defaults (DESIGN 6):
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

/** The knobs in force: the file's explicit settings over the defaults; `same-pe` implies `guest-stops`. */
export function resolveKnobs(scenario: Scenario): Knobs {
  const knobs = { ...defaultKnobs(scenario.platform), ...scenario.options };
  if (knobs['same-pe']) knobs['guest-stops'] = true;
  return knobs;
}
