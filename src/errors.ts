/**
 * Errors convoscope raises on purpose. Each carries the process exit code the CLI uses, so that
 * scripts can tell a usage mistake from bad input from a refused overwrite (see README "Exit codes").
 */
export const EXIT = {
  ok: 0,
  /** Something unexpected: a bug or an environment failure. */
  internal: 1,
  /** A bad command line or option value. */
  usage: 2,
  /** An input that cannot be read at all: missing file, unknown format. */
  input: 3,
  /** `--strict` and a record had to be set aside. */
  rejected: 4,
  /** The study folder exists and neither `--force` nor `--resume` was given. */
  exists: 5,
  /** `privacy-check` found a leak. */
  leak: 6,
  /** An evaluation metric fell below its floor. */
  floor: 7,
  /** The model engine stopped before exceeding `--budget`: what was done is kept, `--resume` continues. */
  budget: 8,
  /** The model provider refused the key (401/403) or stayed unreachable: `--resume` continues once fixed. */
  provider: 9,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class ConvoscopeError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.internal,
  ) {
    super(message);
    this.name = "ConvoscopeError";
  }
}
