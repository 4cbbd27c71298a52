// @ts-check
// `npm run bench`: every performance figure next to its baseline, measured in this run, as a table.
// A report, not a test: it exits 0 even when a target is missed (the verdict says MISSED), and non-zero
// only when a benchmark could not run. Run some sections only: node bench/run-all.mjs check cli renderer scale users reach
import { cpus, loadavg } from 'node:os';
import { checkOverhead } from './check-overhead.mjs';
import { cliStart } from './cli-start.mjs';
import { log, printTable } from './lib.mjs';
import { reachVerdict } from './reach-verdict.mjs';
import { renderer } from './renderer.mjs';
import { scale } from './scale.mjs';
import { users } from './users.mjs';

const SECTIONS = { check: checkOverhead, cli: cliStart, renderer, scale, users, reach: reachVerdict };
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}

const started = performance.now();
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
log(`node ${process.versions.node}, ${cpus().length} cores, load average ${load()}`);
const rows = [];
for (const [name, section] of Object.entries(SECTIONS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  rows.push(...(await section()));
}
process.stdout.write('\n');
printTable(rows);
const missed = rows.filter((r) => r.met === false).map((r) => r.figure.trim());
process.stdout.write(
  `\n${missed.length === 0 ? 'All targets met.' : `MISSED ${missed.length} target(s): ${missed.join('; ')}`}\n` +
    `Took ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${load()} on ${cpus().length} cores.\n`,
);
