/**
 * The `--runs N` flag of the bench scripts: how many times each figure is measured. A value that
 * is not a whole number of at least 1 stops the script with a one-line reason, rather than
 * measuring nothing (NaN runs) and printing empty figures.
 */
export function readRunsFlag(argv: readonly string[], fallback: number): number {
  const at = argv.indexOf('--runs');
  if (at < 0) return fallback;
  const text = argv[at + 1];
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`--runs needs a whole number of at least 1, not ${text === undefined ? 'nothing' : JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return runs;
}
