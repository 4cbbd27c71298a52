// @ts-check
// A loopback port whose accept queue is full, so the kernel drops further SYNs and connect() never
// completes: what an admin sees behind a firewall that silently drops packets. The listener is a child
// process that blocks its own event loop right after listening, so nothing ever calls accept().
import { spawn } from 'node:child_process';
import { connect } from 'node:net';

const LISTENER = `
const server = require('node:net').createServer();
server.listen(0, '127.0.0.1', 1, () => {
  process.stdout.write(server.address().port + '\\n');
  setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0), 100);
});`;

/** @returns {Promise<{ port: number, close(): Promise<void> }>} */
export async function startFullBacklog() {
  const child = spawn(process.execPath, ['-e', LISTENER], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(Number(text.trim()));
    });
    child.on('exit', () => reject(new Error('the backlog listener exited')));
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const fillers = [];
  for (let index = 0; index < 8; index += 1) {
    const filler = connect(port, '127.0.0.1');
    filler.on('error', () => undefined);
    fillers.push(filler);
    const connected = await Promise.race([
      new Promise((resolve) => filler.once('connect', () => resolve(true))),
      new Promise((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    if (!connected) break;
  }
  return {
    port,
    close: async () => {
      for (const filler of fillers) filler.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
