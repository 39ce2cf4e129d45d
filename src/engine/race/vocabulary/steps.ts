/**
 * The kinds of step the race model takes, as a counterexample and the
 * golden corpus record them: each names the rule it applies (model/describe.ts
 * gives the rule ID of each, model/step.ts its operands). Bottom of the
 * race engine: imports nothing.
 *
 * - a vCPU's op: `store` (enters its write buffer), `fault` (after the
 *   unmap), `dmb`, `dsb`;
 * - the host's: `tlbi` and `tlbi-dsb` (the halves of unmap-s2),
 *   `clean-dsb` (the unmap's clean), `host-dsb`, `dc-civac`, `read`,
 *   `issue-reset`;
 * - a write buffer's: `merge`, `accept` (a write leaves for the
 *   acknowledgement point), `into-cache`;
 * - the cache's: `evict`;
 * - a path's arrivals: `receive` (a guest write or write-back at the
 *   device), `answer` (a read's data), `reset` (a reset takes effect).
 */
export type StepKind =
  | 'store'
  | 'fault'
  | 'dmb'
  | 'dsb'
  | 'tlbi'
  | 'tlbi-dsb'
  | 'clean-dsb'
  | 'host-dsb'
  | 'dc-civac'
  | 'read'
  | 'issue-reset'
  | 'merge'
  | 'accept'
  | 'into-cache'
  | 'evict'
  | 'receive'
  | 'answer'
  | 'reset';
