/**
 * The agents of the race model and the timeline lanes their steps are
 * drawn in (M-agents): one closed set each, read by the model (who takes a
 * step), the replay, the charts (order and names) and the Promela export.
 * Bottom of the race engine: imports nothing.
 */

/** The directives of the vCPU programs: vCPU k is `guest` for k = 0, `guest<k>` otherwise (M-agents). */
export const VCPU_DIRECTIVES = ['guest', 'guest1', 'guest2', 'guest3'] as const;
export type VcpuName = (typeof VCPU_DIRECTIVES)[number];
export const MAX_VCPUS = VCPU_DIRECTIVES.length;

/** The lane of vCPU k's PE: `guest-pe` for vCPU 0, `guest<k>-pe` otherwise. */
export type VcpuLane = 'guest-pe' | 'guest1-pe' | 'guest2-pe' | 'guest3-pe';

export interface LaneInfo {
  /** The lane's header in the charts. */
  readonly name: string;
  /** What the lane draws, for a chart's legend and the lane's accessible description. */
  readonly holds: string;
}

/**
 * Every timeline lane, in drawing order: the vCPUs' PEs, the host's PE,
 * the coherent cache (cacheable types only), the acknowledgement point
 * (interconnect on an SoC, root complex on PCIe), then the targets: the
 * device, the SoC reset controller, the firmware (reset acpi).
 */
export const LANES = {
  'guest-pe': { name: 'Guest PE', holds: "vCPU 0's program steps and its write buffer" },
  'guest1-pe': { name: 'vCPU 1 PE', holds: "vCPU 1's program steps and its write buffer" },
  'guest2-pe': { name: 'vCPU 2 PE', holds: "vCPU 2's program steps and its write buffer" },
  'guest3-pe': { name: 'vCPU 3 PE', holds: "vCPU 3's program steps and its write buffer" },
  'host-pe': { name: 'Host PE', holds: "the host's teardown steps and its write buffer" },
  cache: { name: 'Cache', holds: 'dirty lines of a cacheable guest type, evictions' },
  interconnect: { name: 'Interconnect', holds: "the SoC's acknowledgement point and the paths behind it" },
  'root-complex': { name: 'Root complex', holds: 'the PCIe acknowledgement point and the paths behind it' },
  device: { name: 'Device', holds: 'what reaches the device: writes, reads, resets' },
  'reset-controller': { name: 'Reset controller', holds: "the SoC reset controller asserting the device's reset" },
  firmware: { name: 'Firmware', holds: "the firmware's _RST taking effect" },
} as const satisfies Record<string, LaneInfo>;
export type Lane = keyof typeof LANES;
export const LANE_ORDER = Object.keys(LANES) as readonly Lane[];

/**
 * Who does something in a counterexample, as a reader names it: a vCPU by
 * its directive (`guest`, `guest1`, ...), the host, the fabric (write
 * buffers handing writes to the acknowledgement point, paths), the cache
 * (evictions), the device, the SoC reset controller, the firmware (ACPI).
 */
export type Actor = VcpuName | 'host' | 'fabric' | 'cache' | 'device' | 'reset controller' | 'firmware';

/** vCPU k's actor name and lane. */
export function vcpuActor(k: number): VcpuName {
  return VCPU_DIRECTIVES[k] ?? 'guest';
}
export function vcpuLane(k: number): VcpuLane {
  return k === 0 ? 'guest-pe' : (`guest${k}-pe` as VcpuLane);
}
