// `npm run bench`: the site benchmark (build time, pagefind index, checker JS) then the matcher
// benchmark (throughput, index size), then the side-by-side figures (CLI start, matcher, /check/
// in Chromium) each beside its anchor. Figures only; nothing here passes or fails.
import { spawnSync } from 'node:child_process';

const benches = [
  ['site', 'scripts/bench-site.ts'],
  ['matcher', 'scripts/bench-matcher.ts'],
  ['side by side', 'scripts/bench-ratios.ts'],
] as const;
let failed = false;
for (const [name, script] of benches) {
  console.log(`\n== ${name} (${script})`);
  const run = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench ${name} exited ${run.status ?? run.signal}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
