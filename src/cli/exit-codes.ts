/**
 * The exit codes of `mcpfix`, one meaning each, so scripts and CI can branch on them.
 * `check`: 0 when the top match is confident, 1 when not. `probe`: 0 healthy, 1 a problem found,
 * 3 the gateway could not be reached. Both: 2 for a usage error.
 */
export const ExitCode = {
  /** `check`: the top match is confident. `probe`: the gateway answered and listed tools. */
  ok: 0,
  /** `check`: nothing confident. `probe`: the gateway answered, and something is wrong. */
  problem: 1,
  /** The command line or its files could not be used (unknown flag, missing file, bad value). */
  usage: 2,
  /** `probe`: no HTTP answer at all (refused, DNS, TLS, timeout). */
  unreachable: 3,
  /** A bug in mcpfix itself (sysexits EX_SOFTWARE). */
  internal: 70,
} as const;

/** One of the exit codes above. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
