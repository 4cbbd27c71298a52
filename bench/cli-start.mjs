// @ts-check
// CLI start: `doctor check … --json` as a whole process against the simulator, versus `node -e` making the
// same three requests with bare node:http (bare-check.cjs). Both processes are spawned the same way and
// timed from spawn to exit, interleaved. Then: what the CLI loads (every module, traced with module
// hooks), and what the heaviest parts cost to import in a fresh process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEALTHY, startHealthySimulator } from './scenario.mjs';
import { interleave, log, median, ms, ratio, row } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCTOR = join(ROOT, 'out/cli/doctor.mjs');
const BARE_CHECK = join(ROOT, 'bench/bare-check.cjs');
const TRACE = join(ROOT, 'bench/support/trace-register.mjs');

/** The environment without proxy settings (the CLI would honour HTTPS_PROXY) and without secrets. */
function cleanEnv(extra) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(https?|no|all)_proxy$/i.test(name) || name.startsWith('ARENA_') || name.startsWith('NODE_OPTIONS')) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim()}`))));
  });
}

function cliArgs(apiUrl) {
  const { check } = HEALTHY;
  return [
    DOCTOR,
    'check',
    '--api-url',
    apiUrl,
    '--workspace-id',
    String(check.workspaceId),
    '--email',
    check.email,
    '--user-email',
    check.userEmail,
    '--json',
  ];
}

/** Median wall time (ms) of `rounds` fresh processes that import `specifier` and exit. */
async function importTime(specifier, rounds) {
  const script = `const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`;
  const times = [];
  for (let i = 0; i < rounds; i += 1) times.push(Number(await run(['--input-type=module', '-e', script], cleanEnv({}))));
  return median(times);
}

function group(url) {
  if (url.startsWith('node:')) return null;
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + '/node_modules/'.length).split('/');
    return `npm:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const out = path.indexOf('/out/');
  if (out < 0) return path;
  // out/main/<folder>/… or out/common/…: the folder is what the CLI pulls in.
  const parts = path.slice(out + '/out/'.length).split('/');
  return `out/${(parts[0] === 'main' ? parts[1] : parts[0]).replace(/\.js$/, '')}/${parts.slice(parts[0] === 'main' ? 2 : 1).join('/')}`;
}

export async function cliStart({ warmup = 2, rounds = 15, importRounds = 3 } = {}) {
  const simulator = await startHealthySimulator();
  const { check } = HEALTHY;
  const cliEnv = cleanEnv({ ARENA_WEBTOKEN: check.secret, ARENA_USER_PASSWORD: check.userPassword });
  const bareEnv = cleanEnv({ BENCH_API_URL: simulator.apiUrl, BENCH_CHECK: JSON.stringify(check) });
  const bareArgs = ['-e', `require(${JSON.stringify(BARE_CHECK)}).main()`];
  try {
    const cli = async () => {
      const report = JSON.parse(await run(cliArgs(simulator.apiUrl), cliEnv));
      if (report.ok !== true) throw new Error('bench: doctor check did not pass');
    };
    const bare = async () => {
      const { statuses } = JSON.parse(await run(bareArgs, bareEnv));
      if (statuses.some((status) => status !== 200)) throw new Error(`bench: the bare process failed: ${statuses}`);
    };
    log(`CLI start: ${warmup} warm-up rounds, ${rounds} measured (interleaved processes)`);
    await interleave(warmup, cli, bare);
    const times = await interleave(rounds, cli, bare);
    const a = median(times.a);
    const b = median(times.b);

    // What the CLI loads, for the check command.
    const dir = mkdtempSync(join(tmpdir(), 'doctor-bench-'));
    const traceFile = join(dir, 'modules.txt');
    let loaded = [];
    try {
      await run(['--import', TRACE, ...cliArgs(simulator.apiUrl)], { ...cliEnv, BENCH_TRACE_FILE: traceFile });
      loaded = readFileSync(traceFile, 'utf8')
        .split('\n')
        .filter((line) => line && !line.endsWith('trace-register.mjs'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const groups = new Map();
    for (const url of loaded) {
      const name = group(url);
      if (name) groups.set(name, (groups.get(name) ?? 0) + 1);
    }
    const own = [...groups].filter(([name]) => name.startsWith('out/')).reduce((sum, [, count]) => sum + count, 0);
    const npm = [...groups].filter(([name]) => name.startsWith('npm:'));
    const npmFiles = npm.reduce((sum, [, count]) => sum + count, 0);
    const ownFolders = [...groups].filter(([name]) => name.startsWith('out/')).map(([name]) => name.split('/')[1]);

    log(`CLI start: import times (${importRounds} fresh processes each)`);
    const empty = await importTime('node:http', importRounds);
    /** @type {[string, string][]} */
    const parts = [
      ['got', 'got'],
      ['hpagent', 'hpagent'],
      ['knowledge base', join(ROOT, 'out/main/knowledge/index.js')],
      ['simulator', join(ROOT, 'out/main/simulator/index.js')],
      ['whole CLI (no command run)', join(ROOT, 'out/main/cli/commands.js')],
    ];
    const rows = [
      row(
        'CLI start (doctor check --json vs node -e, whole process)',
        ms(a),
        ms(b),
        ratio(a / b),
        '≤ 2.00×',
        a / b <= 2,
        `median of ${rounds} interleaved process runs after ${warmup} warm-up; the CLI process loads ${own} own modules ` +
          `(${[...new Set(ownFolders)].sort().join(', ')}) and ${npmFiles} files from ${npm.length} npm packages (${npm.map(([name, count]) => `${name.slice(4)} ${count}`).join(', ')})`,
      ),
    ];
    for (const [name, specifier] of parts) {
      const loadedByCli = specifier.startsWith('/')
        ? loaded.some((url) => url.endsWith(specifier.slice(ROOT.length)))
        : groups.has(`npm:${specifier}`);
      const t = await importTime(specifier, importRounds);
      rows.push(row(`  import ${name}${loadedByCli ? '' : ' (not loaded by check)'}`, ms(t), ms(empty), ratio(t / empty), '', null));
    }
    return rows;
  } finally {
    await simulator.close();
  }
}
