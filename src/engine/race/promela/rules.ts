/**
 * The rule IDs of the project's race-model page ("The race model",
 * /reference/race-model/) that the exported Promela cites beside each
 * process and transition, so a reader can put the two side by side.
 */
export const RULE = {
  guestStore: 'M-guest-store',
  guestFault: 'M-guest-fault',
  guestDmb: 'M-guest-dmb',
  guestDsb: 'M-guest-dsb',
  unmapTlbi: 'M-unmap-tlbi',
  unmapDsb: 'M-unmap-dsb',
  hostDsb: 'M-host-dsb',
  hostRead: 'M-host-read',
  hostReset: 'M-host-reset',
  samePe: 'M-same-pe',
  guestStops: 'M-guest-stops',
  bufferOrder: 'M-buffer-order',
  gather: 'M-gather',
  complete: 'M-complete',
  ackPoint: 'M-ack-point',
  route: 'M-route',
  pathOrder: 'M-path-order',
  nonPosted: 'M-pcie-nonposted',
  deviceReset: 'M-device-reset',
  resetController: 'M-reset-ctrl',
  property: 'M-property',
} as const;
