/**
 * The knobs of the scenario language and their documented defaults. Every
 * modelling assumption that a reviewer might dispute is one of these, so a
 * scenario file states it instead of the engine hiding it. The race model
 * page gives each knob's rule (M-...).
 */
import { PLATFORMS } from './vocabulary/platforms.ts';
import { KNOB_NAMES, type KnobName, type Knobs, type Platform, type Scenario } from './types.ts';

export function isKnobName(name: string): name is KnobName {
  return (KNOB_NAMES as readonly string[]).includes(name);
}

/** The shorthand that sets `write-order` and `np-pushes` together (M-path-order-shorthand). */
export const PATH_ORDER_SHORTHAND = 'path-order';
export const PATH_ORDER_KNOBS = ['write-order', 'np-pushes'] as const satisfies readonly KnobName[];

/**
 * Defaults:
 * - guest-stops=no: a malicious guest keeps issuing stores until the
 *   stage-2 unmap takes effect (M-guest-malicious);
 * - same-pe=no: the host tears down from another physical CPU (M-same-pe);
 * - early-ack=yes: the interconnect or root complex acknowledges writes (M-ack-point);
 * - write-order=yes, np-pushes=yes: on PCIe the ordering rules
 *   (M-pcie-posted-order, M-pcie-np-behind-posted), on an SoC an in-order
 *   interconnect (M-path-write-order, M-path-np-pushes);
 * - ne-honoured: no on pcie, where the root complex acknowledges posted
 *   writes whatever their attribute (Arm ARM B2.10.2.3 expects PCIe posted
 *   write regions not to support endpoint acknowledgement), yes on soc;
 * - config-order=yes: the root complex keeps config requests on the BAR
 *   path (M-pcie-config-order);
 * - unmap-cleans: yes without FWB, no with it, as stage2_unmap_walker()
 *   does (M-unmap-cleans).
 */
export function defaultKnobs(platform: Platform, fwb = false): Knobs {
  return {
    'guest-stops': false,
    'same-pe': false,
    'early-ack': true,
    'write-order': true,
    'np-pushes': true,
    'ne-honoured': PLATFORMS[platform].neHonoured,
    'config-order': true,
    'unmap-cleans': !fwb,
  };
}

/**
 * What each knob says about the platform or the actors, one line each: the
 * scenario language reference renders these beside the defaults above, and
 * the race explorer beside each knob's control, with a link to its rule.
 */
export const KNOB_MEANINGS: Readonly<Record<KnobName, string>> = {
  'guest-stops': "yes: every vCPU's program runs to its end, barriers waited for, before the host's first step; no: a malicious guest keeps issuing ops until unmap-s2 takes effect.",
  'same-pe': "yes: the host runs on vCPU 0's physical CPU after it exited and shares its write buffer (implies guest-stops=yes); no: on another CPU.",
  'early-ack': 'yes: the interconnect or root complex acknowledges a write before it reaches the device (nE types excepted where ne-honoured); no: only the device does.',
  'write-order': 'yes: writes keep their order from the acknowledgement point to the device (on pcie: posted writes do not pass posted writes); no: a later one may overtake.',
  'np-pushes': 'yes: a read or non-posted request (config write, FLR) pushes earlier writes on its path ahead of it; no: it may overtake them. path-order=yes|no sets this and write-order.',
  'ne-honoured': 'yes: a write to an nE type completes only at the device; no: it is acknowledged early like any other (the default on pcie, whose root complex acknowledges posted writes).',
  'config-order': 'pcie only. yes: the root complex keeps a config request (FLR) on the path of the posted writes to the device; no: an ECAM path that bypasses it.',
  'unmap-cleans': 'cacheable guest types only. yes: unmap-s2 cleans and invalidates every dirty line to the PoC and waits (stage2_unmap_walker() without FWB); no: no cache maintenance.',
};

/** The rule of the race model page that each knob sets, where the page defines what its values mean: the controls link it, and the why analysis names the assumption a verdict rests on by it. */
export const KNOB_RULES: Readonly<Record<KnobName, string>> = {
  'guest-stops': 'M-guest-stops',
  'same-pe': 'M-same-pe',
  'early-ack': 'M-ack-point',
  'write-order': 'M-path-write-order',
  'np-pushes': 'M-path-np-pushes',
  'ne-honoured': 'M-ack-point',
  'config-order': 'M-pcie-config-order',
  'unmap-cleans': 'M-unmap-cleans',
};

/** The knobs in force: the file's explicit settings over the defaults; `same-pe` implies `guest-stops`. */
export function resolveKnobs(scenario: Scenario): Knobs {
  const knobs = { ...defaultKnobs(scenario.platform, scenario.fwb), ...scenario.options };
  if (knobs['same-pe']) knobs['guest-stops'] = true;
  return knobs;
}
