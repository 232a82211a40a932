/**
 * A webhook receiver on the loopback address, started once for the Worker tests (vitest global
 * setup, in Node): it records every request (headers and body) per bucket and answers as the path
 * says, so a test drives the Worker's real deliveries and then reads what arrived.
 *
 *   POST /r/<bucket>/ok            200
 *   POST /r/<bucket>/fail          500 always
 *   POST /r/<bucket>/fail-once     500 the first time a webhook-id arrives, 200 after
 *   POST /r/<bucket>/gone          410
 *   POST /r/<bucket>/retry-after   503 with Retry-After: 7 the first time a webhook-id arrives, 200 after
 *   POST /r/<bucket>/redirect      302 to /r/<bucket>/ok (a sender must not follow it)
 *   POST /r/<bucket>/big           200 with a 5,000-byte body
 *   GET  /log/<bucket>             the requests received, in order
 */
import http from 'node:http';
import type { TestProject } from 'vitest/node';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  answered: number;
  at: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    receiverPort: number;
  }
}

export default async function setup(project: TestProject) {
  const log = new Map<string, Received[]>();
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const [, kind, bucket, mode] = url.pathname.split('/');
      if (req.method === 'GET' && kind === 'log') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(log.get(bucket ?? '') ?? []));
        return;
      }
      const id = String(req.headers['webhook-id'] ?? '');
      const first = !seen.has(`${bucket}/${id}`);
      seen.add(`${bucket}/${id}`);
      let status = 200;
      const headers: Record<string, string> = {};
      let body = 'ok';
      if (mode === 'fail' || (mode === 'fail-once' && first)) status = 500;
      if (mode === 'gone') status = 410;
      if (mode === 'retry-after' && first) [status, headers['retry-after']] = [503, '7'];
      if (mode === 'redirect') [status, headers.location] = [302, `/r/${bucket}/ok`];
      if (mode === 'big') body = 'x'.repeat(5_000);
      const entries = log.get(bucket ?? '') ?? [];
      entries.push({ path: url.pathname, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks).toString('utf8'), answered: status, at: Date.now() });
      log.set(bucket ?? '', entries);
      res.writeHead(status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  project.provide('receiverPort', (server.address() as { port: number }).port);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
