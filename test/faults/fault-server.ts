// Loopback servers that misbehave on purpose, for the fault suite. Everything listens on 127.0.0.1 only.
// They speak HTTP by hand over raw sockets (plain or TLS), so a fault can stop at any byte: mid-headers,
// mid-body, before the first byte, or never accept at all. Each records what reached it, so tests can
// prove what the client did (one request, nothing sent to a second host, a huge body abandoned early).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { connect as connectTcp, createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';

export interface ReceivedRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
}

export interface Observed {
  /** TCP connections accepted (for TLS servers: before the handshake). */
  connections: number;
  requests: ReceivedRequest[];
  /** Every byte that arrived, as latin1 text (a secret sent in the clear would show up here). */
  received: string;
  /** Response bytes the kernel took from the server (write callbacks completed). */
  bytesWritten: number;
  /** Set when the client went away before the server finished writing. */
  clientLeftEarly: boolean;
}

export interface FaultServer {
  port: number;
  origin: string;
  apiUrl: string;
  observed: Observed;
  close(): Promise<void>;
}

/** What a fault server does with a connection. Both hooks are optional; with neither it stays silent. */
export interface Behaviour {
  /** Called once per accepted connection, before anything is read (for faults that never read). */
  onConnection?: (socket: Socket, observed: Observed) => void;
  /** Called once a complete request (headers and Content-Length body) has arrived. */
  onRequest?: (socket: Socket, request: ReceivedRequest, observed: Observed) => void;
}

export async function startFaultServer(behaviour: Behaviour, tls?: TlsOptions): Promise<FaultServer> {
  const observed: Observed = { connections: 0, requests: [], received: '', bytesWritten: 0, clientLeftEarly: false };
  const sockets = new Set<Socket>();

  const handle = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    behaviour.onConnection?.(socket, observed);
    let buffer = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      observed.received += chunk.toString('latin1');
      buffer = Buffer.concat([buffer, chunk]);
      if (answered) return;
      const request = parseRequest(buffer);
      if (!request) return;
      answered = true;
      observed.requests.push(request);
      behaviour.onRequest?.(socket, request, observed);
    });
  };

  let server: Server;
  if (tls) {
    server = createTlsServer(tls, handle);
    server.on('tlsClientError', () => undefined);
  } else {
    server = createTcpServer(handle);
  }
  // Count raw TCP connections for TLS servers too: 'connection' fires before the handshake.
  server.on('connection', (socket: Socket) => {
    observed.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  return listening(server, tls ? 'https' : 'http', observed, sockets);
}

/** A request is complete when its headers and Content-Length bytes of body have arrived. */
function parseRequest(buffer: Buffer): ReceivedRequest | null {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [requestLine = '', ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? '0');
  const body = buffer.subarray(end + 4);
  if (body.length < length) return null;
  const [method = '', target = ''] = requestLine.split(' ');
  return { method, target, headers, body: body.subarray(0, length).toString('utf8') };
}

async function listening(server: Server, scheme: 'http' | 'https', observed: Observed, sockets: Set<Socket>): Promise<FaultServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${scheme}://127.0.0.1:${port}`;
  return {
    port,
    origin,
    apiUrl: `${origin}/v1`,
    observed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Node's own HTTP server (answers 400 to bytes that are not HTTP, as real servers do), JSON for anything. */
export async function startPlainHttpServer(): Promise<FaultServer> {
  const observed: Observed = { connections: 0, requests: [], received: '', bytesWritten: 0, clientLeftEarly: false };
  const sockets = new Set<Socket>();
  const server = createHttpServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  server.on('connection', (socket: Socket) => {
    observed.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => (observed.received += chunk.toString('latin1')));
  });
  return listening(server, 'http', observed, sockets);
}

// ---- Answers, written by hand --------------------------------------------------------------------------

export function head(status: number, reason: string, headers: Record<string, string | number>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${status} ${reason}`, ...lines, '', ''].join('\r\n');
}

/** A complete answer, then the connection is closed. */
export function answer(socket: Socket, status: number, reason: string, body: string, headers: Record<string, string | number> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  socket.end(head(status, reason, { 'content-length': bytes.length, connection: 'close', ...headers }) + body);
}

/** Writes, then sends a TCP RST (not a FIN): what a firewall that kills the connection does. */
export function writeThenReset(socket: Socket, text: string): void {
  socket.write(text, () => setTimeout(() => socket.resetAndDestroy(), 20));
}

/** Writes headers, then one byte of body every intervalMs, forever (until the client leaves). */
export function trickle(socket: Socket, intervalMs: number): void {
  socket.write(head(200, 'OK', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }));
  socket.write('1\r\n{\r\n');
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) {
      clearInterval(timer);
      return;
    }
    socket.write('1\r\n \r\n');
  }, intervalMs);
  socket.on('close', () => clearInterval(timer));
}

/**
 * Announces `total` bytes of JSON-looking body and writes it in chunks, each only after the kernel took the
 * previous one, so observed.bytesWritten is what actually left the server before the client hung up.
 */
export function hugeBody(socket: Socket, total: number, observed: Observed): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  socket.on('close', () => {
    if (sent < total) observed.clientLeftEarly = true;
  });
  const next = (): void => {
    if (socket.destroyed) return;
    if (sent >= total) {
      socket.end();
      return;
    }
    const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
    socket.write(piece, (error) => {
      if (error) return;
      sent += piece.length;
      observed.bytesWritten = sent;
      next();
    });
  };
  socket.write(head(200, 'OK', { 'content-type': 'application/json', 'content-length': total + 2 }) + '{"', () => next());
}

// ---- A tiny forward proxy that refuses ----------------------------------------------------------------

export interface RefusingProxy {
  url: string;
  port: number;
  /** CONNECT targets asked for ("host:port"), and whether anything followed the CONNECT headers. */
  connects: { target: string; extraBytes: number }[];
  /** Plain (non-CONNECT) requests it was sent. */
  forwarded: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** An HTTP proxy on loopback that answers every CONNECT (and every plain request) with `status`. */
export async function startRefusingProxy(status: 407 | 403): Promise<RefusingProxy> {
  const reason = status === 407 ? 'Proxy Authentication Required' : 'Forbidden';
  const extra: Record<string, string> = status === 407 ? { 'proxy-authenticate': 'Basic realm="Corporate Proxy"' } : {};
  const page = `<html><body><h1>${status} ${reason}</h1><p>Corporate proxy policy.</p></body></html>`;
  const connects: RefusingProxy['connects'] = [];
  const forwarded: RefusingProxy['forwarded'] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((request, response) => {
    forwarded.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume();
    response.writeHead(status, reason, { 'content-type': 'text/html', connection: 'close', ...extra });
    response.end(page);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: IncomingMessage, socket: Socket, headBytes: Buffer) => {
    const entry = { target: request.url ?? '', extraBytes: headBytes.length };
    connects.push(entry);
    socket.on('data', (chunk: Buffer) => (entry.extraBytes += chunk.length));
    socket.on('error', () => undefined);
    socket.end(
      head(status, reason, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page), connection: 'close', ...extra }) +
        page,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---- A port whose accept queue is full: a true connect timeout on loopback -----------------------------

export interface FullBacklog {
  port: number;
  apiUrl: string;
  close(): Promise<void>;
}

// The listener lives in a child process that blocks its own event loop right after listening, so nothing
// ever calls accept(). Once the (tiny) accept queue is full, Linux drops further SYNs, exactly as a
// firewall that silently drops packets does: the client's connect() never completes.
const BACKLOG_LISTENER = `
const server = require('node:net').createServer();
server.listen(0, '127.0.0.1', 1, () => {
  process.stdout.write(server.address().port + '\\n');
  setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0), 100);
});`;

export async function startFullBacklog(): Promise<FullBacklog> {
  const child: ChildProcess = spawn(process.execPath, ['-e', BACKLOG_LISTENER], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(Number(text.trim()));
    });
    child.on('exit', () => reject(new Error('the backlog listener exited')));
  });
  // Let the child block, then fill its accept queue with connections that are never accepted.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const fillers: Socket[] = [];
  for (let index = 0; index < 8; index += 1) {
    const filler = connectTcp(port, '127.0.0.1');
    filler.on('error', () => undefined);
    fillers.push(filler);
    const connected = await Promise.race([
      new Promise<boolean>((resolve) => filler.once('connect', () => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    if (!connected) break; // this SYN was dropped: the queue is full
  }
  return {
    port,
    apiUrl: `http://127.0.0.1:${port}/v1`,
    close: async () => {
      for (const filler of fillers) filler.destroy();
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** A port on loopback that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
