// The simulator's HTTP(S) server on loopback: routes /v1 requests to a Workspace and records them.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ENDPOINT_PATHS, SESSION_HEADER, type ArenaCall } from '../arena/request-shapes.js';
import { isSteerable, OffsetClock, type Clock, type SteerableClock } from './clock.js';
import { errorReply, type ArenaReply } from './errors.js';
import { acceptsGzip, readBody, writePage, writeReply } from './http-io.js';
import { middleboxReply } from './middlebox.js';
import { fingerprint, firstErrorCode, presentedCredential, type RecordedRequest } from './recording.js';
import type { BodyInput } from './request-validation.js';
import { scenarioByName, type Scenario } from './scenarios.js';
import { Workspace, type SessionKey } from './workspace.js';

export interface SimulatorOptions {
  /** A scenario or its name; default "healthy". */
  scenario?: string | Scenario;
  /** Default: real time that scenario hooks can push forward. A clock without advance() gets wrapped. */
  clock?: Clock;
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Overrides the scenario's spelling of the session key in the login reply. */
  sessionKey?: SessionKey;
  /** Delay every answer by this much (after the workspace has handled the request). */
  latencyMs?: number;
}

export interface SimulatorHandle {
  /** e.g. http://127.0.0.1:PORT/v1 */
  apiUrl: string;
  scenario: Scenario;
  workspace: Workspace;
  clock: SteerableClock;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const API_PREFIX = '/v1';

type Routed = { route: ArenaCall } | { route: null; reply: ArenaReply };

function routeFor(method: string, path: string): Routed {
  const sub = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : null;
  const entry = Object.entries(ENDPOINT_PATHS).find(([, e]) => e.path === sub);
  if (!entry) return { route: null, reply: errorReply('notFound') };
  const [name, endpoint] = entry;
  if (endpoint.method !== method) return { route: null, reply: errorReply('methodNotAllowed', { Allow: endpoint.method }) };
  return { route: name as ArenaCall };
}

function resolveScenario(scenario: string | Scenario | undefined): Scenario {
  if (typeof scenario === 'object') return scenario;
  const name = scenario ?? 'healthy';
  const found = scenarioByName(name);
  if (!found) throw new Error(`Unknown simulator scenario "${name}"`);
  return found;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const scenario = resolveScenario(options.scenario);
  const clock: SteerableClock =
    options.clock === undefined ? new OffsetClock() : isSteerable(options.clock) ? options.clock : new OffsetClock(options.clock);
  const state = scenario.workspace();
  if (options.sessionKey) state.sessionKey = options.sessionKey;
  const workspace = new Workspace(state, clock, scenario.hooks);
  scenario.before?.({ workspace, clock });
  const requests: RecordedRequest[] = [];

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname;
    if (scenario.inFront) {
      // The middlebox answers before anything reaches Arena: the workspace never sees the request.
      req.resume();
      const page = middleboxReply(scenario.inFront, req.headers.host ?? 'this address');
      requests.push({
        method,
        path,
        search: url.search,
        time: clock.now(),
        email: null,
        credentialKind: null,
        credentialFingerprint: null,
        sessionFingerprint: null,
        status: page.status,
        code: null,
      });
      writePage(res, page.status, page.html);
      return;
    }
    const routed = routeFor(method, path);
    const hasBody = routed.route === 'login' || routed.route === 'authorize';
    let body: BodyInput | null = null;
    if (hasBody) body = await readBody(req);
    else req.resume(); // drain whatever was sent
    const header = req.headers[SESSION_HEADER];
    const sessionId = typeof header === 'string' ? header : null;

    let reply: ArenaReply;
    if (routed.route === null) {
      reply = routed.reply;
    } else {
      try {
        reply = workspace.handle({
          route: routed.route,
          sessionId,
          clientAddress: req.socket.remoteAddress ?? '',
          body,
          query: Object.fromEntries(url.searchParams),
        });
      } catch {
        reply = errorReply('systemError');
      }
    }
    requests.push({
      method,
      path,
      search: url.search,
      time: clock.now(),
      ...presentedCredential(routed.route, body),
      sessionFingerprint: sessionId === null ? null : fingerprint(sessionId),
      status: reply.status,
      code: firstErrorCode(reply.body),
    });
    // Network latency, for showing progress: the workspace has already decided; only the answer waits.
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    writeReply(res, reply, acceptsGzip(req.headers['accept-encoding']));
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    serve(req, res).catch(() => res.destroy());
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : createHttpServer(handler);

  // Tracked so close() can cut clients that never finish (or keep-alive sockets) instead of waiting.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${API_PREFIX}`,
    scenario,
    workspace,
    clock,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
