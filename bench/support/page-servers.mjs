// @ts-check
// The pages the renderer figures load, served from their own process (as the Electron main process or
// `npm run dev:browser` would be), so the benchmark's own work (Playwright) never delays an answer:
// the development bridge with the real service and the built renderer, and a bare node:http server
// with the baseline pages. Prints {"bridge": origin, "baseline": origin} as one line, runs until killed.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bridgeHost } from '../../out/main/dev-bridge/bridge-host.js';
import { startDevBridge } from '../../out/main/dev-bridge/server.js';
import { createDoctorService } from '../../out/main/service/doctor-service.js';

export const START_BUTTON = 'Check my connection';
const RENDERER = fileURLToPath(new URL('../../out/renderer-bridge/', import.meta.url));

const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>baseline</title><link rel="icon" href="data:,"></head>
<body><div id="app"><button type="button" class="primary">${START_BUTTON}</button></div></body></html>`;

// A second reference: the smallest single-page app, whose one module script renders the same button, with
// one stylesheet (the shape of the real index.html). It pays what any page with subresources pays.
const SHELL_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>shell</title><link rel="icon" href="data:,">
<script type="module" crossorigin src="./shell.js"></script><link rel="stylesheet" crossorigin href="./shell.css"></head>
<body><div id="app"></div></body></html>`;
const SHELL_JS = `const b=document.createElement('button');b.type='button';b.textContent=${JSON.stringify(START_BUTTON)};document.getElementById('app').append(b);`;

function startBaselineServer() {
  const files = {
    '/': ['text/html; charset=utf-8', BASELINE_HTML],
    '/shell.html': ['text/html; charset=utf-8', SHELL_HTML],
    '/shell.js': ['text/javascript', SHELL_JS],
    '/shell.css': ['text/css', 'button{font:inherit}'],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (file) {
      response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' });
      response.end(file[1]);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`, server }),
    ),
  );
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-bench-'));
  const service = createDoctorService(bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 5000 }));
  const bridge = await startDevBridge({ service, rendererRoot: RENDERER });
  const baseline = await startBaselineServer();
  const stop = () => {
    void bridge.close().then(() => {
      baseline.server.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ bridge: bridge.origin, baseline: baseline.origin })}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
