/**
 * How the host resets the device (`reset <method>`): one row per method,
 * read by the parser (platforms), the highlighter and the op lists
 * (names, meanings), the model (route, ordering, completion, who makes it
 * take effect), the partial-order reduction (a reset is its landmark) and
 * the Promela export (its constant). A new method is a row here plus what
 * the compiler then points at.
 */
import type { Actor, Lane } from './lanes.ts';
import type { Platform } from './platforms.ts';

export interface ResetMethodInfo {
  /** The platforms whose scenarios may use it. */
  readonly platforms: readonly Platform[];
  /**
   * The path from the acknowledgement point (M-path-device, M-path-side):
   * the device's own path, the side path, or the PCIe config path, which
   * is the device's path with `config-order` and the side path without
   * (M-pcie-config-order).
   */
  readonly route: 'device' | 'side' | 'config';
  /** A non-posted request (a config write): it stays behind earlier writes on its path with `np-pushes` (M-path-np-pushes). */
  readonly nonPosted: boolean;
  /** Where the write completes when the platform acknowledges early (M-ack-host): at the acknowledgement point, or only at its target. */
  readonly completion: 'ack' | 'target';
  /** The peripheral it addresses, for Peripheral arrival order (B2.4.1.1, M-path-arrival-order). */
  readonly peripheral: 'device' | 'reset-controller' | 'config' | 'firmware';
  /** Written with writel(): a DMB OSHST orders it after every earlier write of the host (M-writel). */
  readonly writel: boolean;
  /** Who makes the reset take effect when the write arrives, and the lane that draws it. */
  readonly actor: Actor;
  readonly lane: Lane;
  /** The host's write, in words ("FLR config write"). */
  readonly write: string;
  /** The step in which it takes effect, in words. */
  readonly effect: string;
  /** One line for op lists and the language reference. */
  readonly meaning: string;
  /** The rule on the race model page. */
  readonly rule: string;
  /** The Promela export's constant for its write (declarations.ts). */
  readonly promela: { readonly name: string; readonly code: number };
}

export const RESET_METHODS = {
  flr: {
    platforms: ['pcie'],
    route: 'config',
    nonPosted: true,
    completion: 'target',
    peripheral: 'config',
    writel: false,
    actor: 'device',
    lane: 'device',
    write: 'FLR config write',
    effect: 'FLR config write arrives: the device is reset',
    meaning: 'Function Level Reset: a PCIe config write to the Device Control register, a non-posted request',
    rule: 'M-reset-flr',
    promela: { name: 'FLR', code: 6 },
  },
  ctrl: {
    platforms: ['soc'],
    route: 'side',
    nonPosted: false,
    completion: 'ack',
    peripheral: 'reset-controller',
    writel: false,
    actor: 'reset controller',
    lane: 'reset-controller',
    write: 'write to the reset controller',
    effect: 'asserts reset: the device is reset',
    meaning: "a write to the SoC's reset controller, a separate block on a path of its own",
    rule: 'M-reset-ctrl',
    promela: { name: 'CTRL', code: 5 },
  },
  reg: {
    platforms: ['pcie', 'soc'],
    route: 'device',
    nonPosted: false,
    completion: 'ack',
    peripheral: 'device',
    writel: true,
    actor: 'device',
    lane: 'device',
    write: "write to the device's reset register",
    effect: "write to the device's reset register arrives: the device is reset",
    meaning: "writel() to a reset register of the device itself, on the device's own path",
    rule: 'M-reset-reg',
    promela: { name: 'REG', code: 4 },
  },
  acpi: {
    platforms: ['pcie', 'soc'],
    route: 'side',
    nonPosted: false,
    completion: 'ack',
    peripheral: 'firmware',
    writel: false,
    actor: 'firmware',
    lane: 'firmware',
    write: "firmware's _RST write (ACPI reset)",
    effect: '_RST takes effect: the device is reset',
    meaning: "the firmware's ACPI _RST method; nothing known orders it with the device's path",
    rule: 'M-reset-acpi',
    promela: { name: 'ACPI', code: 7 },
  },
} as const satisfies Record<string, ResetMethodInfo>;
export type ResetMethod = keyof typeof RESET_METHODS;
export const RESET_METHOD_NAMES = Object.keys(RESET_METHODS) as readonly ResetMethod[];

/** Whether `kind` (a transaction or buffer entry kind) is a reset write. */
export function isResetMethod(kind: string): kind is ResetMethod {
  return Object.hasOwn(RESET_METHODS, kind);
}

/** The reset methods a platform's scenarios may use. */
export function resetMethodsOn(platform: Platform): readonly ResetMethod[] {
  return RESET_METHOD_NAMES.filter((method) => (RESET_METHODS[method].platforms as readonly Platform[]).includes(platform));
}
