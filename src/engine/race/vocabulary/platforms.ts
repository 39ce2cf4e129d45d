/**
 * The platforms of the scenario language (`platform pcie|soc`): where the
 * guest's writes are acknowledged early (M-ack-point) and which knob
 * defaults differ. Read by the parser, the model and the Promela export.
 */
import type { Lane } from './lanes.ts';

export interface PlatformInfo {
  /** The acknowledgement point's lane and name in steps ("acknowledged at the root complex"). */
  readonly ackLane: Lane;
  readonly ackName: string;
  /**
   * Default of `ne-honoured`: no on pcie, where the root complex
   * acknowledges posted writes whatever their attribute (Arm ARM DDI0487
   * M.a.a B2.10.2.3 expects PCIe posted-write regions not to support
   * endpoint acknowledgement); yes on soc.
   */
  readonly neHonoured: boolean;
}

export const PLATFORMS = {
  pcie: { ackLane: 'root-complex', ackName: 'root complex', neHonoured: false },
  soc: { ackLane: 'interconnect', ackName: 'interconnect', neHonoured: true },
} as const satisfies Record<string, PlatformInfo>;
export type Platform = keyof typeof PLATFORMS;
export const PLATFORM_NAMES = Object.keys(PLATFORMS) as readonly Platform[];
