// HTTP plumbing for the simulator: reading bodies with a cap, writing replies (gzip when asked).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { BodyInput } from './request-validation.js';
import type { ArenaReply } from './workspace.js';

export const MAX_BODY_BYTES = 64 * 1024;

function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Reads the whole body, keeping at most `limit` bytes. An oversized body is still drained (not kept) so
 * the client gets an answer instead of a broken pipe.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyInput> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('error', () => resolve({ kind: 'invalid-json' }));
    req.on('end', () => {
      if (size > limit) return resolve({ kind: 'too-large' });
      if (!isJsonContentType(req.headers['content-type'])) return resolve({ kind: 'wrong-content-type' });
      try {
        resolve({ kind: 'json', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ kind: 'invalid-json' });
      }
    });
  });
}

/** Whether Accept-Encoding allows gzip (explicitly or via *), honouring q=0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** A web page, as a middlebox in Arena's place sends it. */
export function writePage(res: ServerResponse, status: number, html: string): void {
  const payload = Buffer.from(html, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(payload.length) });
  res.end(payload);
}

export function writeReply(res: ServerResponse, reply: ArenaReply, gzip: boolean): void {
  const headers: Record<string, string> = { Server: 'ArenaSolutions', ...reply.headers };
  let payload = Buffer.alloc(0);
  if (reply.body !== null && reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers['Content-Type'] = 'application/json';
    headers['Vary'] = 'Accept-Encoding';
    if (gzip) {
      payload = gzipSync(payload);
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = String(payload.length);
  res.writeHead(reply.status, headers);
  res.end(payload);
}
