// The development bridge: serves the built renderer and the DoctorApi over HTTP on loopback, so the whole
// wizard runs in a plain browser (and in headless Chromium for tests) where no Electron binary exists.
// Loopback only, a random port and a random token; never packaged (electron-builder.yml excludes it).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../common/dev-bridge.js';
import { DOCTOR_METHODS, type DoctorMethod } from '../../common/ipc/contract.js';
import { SECURITY_HEADERS, serveRendererFile } from '../app/renderer-files.js';
import { RENDERER_ORIGIN } from '../app/window-options.js';
import type { DoctorService } from '../service/doctor-service.js';

const MAX_BODY_BYTES = 64 * 1024;

export interface DevBridgeOptions {
  service: DoctorService;
  /** The renderer's bridge build (out/renderer-bridge): the app's build has no bridge client. */
  rendererRoot: string;
  port?: number;
}

export interface DevBridge {
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function startDevBridge(options: DevBridgeOptions): Promise<DevBridge> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new Set<Socket>();
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'The bridge failed.' } }),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only pages from this origin may talk to the bridge (defends against DNS rebinding and other sites).
    const host = request.headers.host ?? '';
    if (`http://${host}` !== origin) return sendText(response, 421, 'Wrong host');
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return sendText(response, 403, 'Wrong origin');
    const url = new URL(request.url ?? '/', origin);

    if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
      if (!tokenMatches(request.headers[BRIDGE_TOKEN_HEADER], token)) return sendText(response, 401, 'Bad token');
      const method = url.pathname.slice('/api/'.length);
      if (!isMethod(method)) return sendText(response, 404, 'Unknown method');
      const body = await readJson(request);
      if (body === undefined)
        return sendJson(response, 400, { ok: false, error: { code: 'invalid-payload', message: 'The request body is not JSON.' } });
      const payload = typeof body === 'object' && body !== null && 'payload' in body ? body.payload : null;
      return sendJson(response, 200, await options.service.handle(method, payload));
    }
    if (request.method === 'GET' && url.pathname === '/events') {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return sendText(response, 401, 'Bad token');
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      const stop = options.service.onProgress((progress) => response.write(`data: ${JSON.stringify(progress)}\n\n`));
      request.on('close', stop);
      return;
    }
    if (request.method === 'GET') return serveStatic(url.pathname, response);
    return sendText(response, 405, 'Method not allowed');
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    if (pathname === '/' || pathname === '/index.html') {
      const html = await readFile(join(options.rendererRoot, 'index.html'), 'utf8');
      // The token reaches only pages this server serves; a meta tag needs no inline script.
      const withToken = html.replace('<head>', `<head>\n    <meta name="${BRIDGE_TOKEN_META}" content="${token}">`);
      response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(withToken);
      return;
    }
    const served = await serveRendererFile(options.rendererRoot, `${RENDERER_ORIGIN}${pathname}`);
    response.writeHead(served.status, served.headers);
    response.end(served.body);
  }

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function isMethod(name: string): name is DoctorMethod {
  return (DOCTOR_METHODS as string[]).includes(name);
}

function tokenMatches(presented: string | string[] | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
