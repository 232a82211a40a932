/** Bodies are refused past their route's limit in bytes, as they stream in, before being buffered. */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign } from './helpers.ts';
import { LIMITS } from '../../src/lib/limits.ts';

/** A body of `total` bytes without Content-Length, produced on demand; `pulled()` says how much was read. */
function countedStream(total: number, piece: Uint8Array) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const part = piece.subarray(0, Math.min(piece.length, total - sent));
        sent += part.length;
        controller.enqueue(part);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent };
}

/** Calls the Worker in-process, so the body stream is read only as fast as the route reads it. */
async function send(token: string, method: string, path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const request = new Request(`http://example.com/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body,
    // @ts-expect-error: a streamed request body (Workers types lack `duplex`)
    duplex: 'half',
  });
  expect(request.headers.has('content-length')).toBe(false);
  return worker.fetch(request as never, env as never, createExecutionContext());
}

const PIECE = 64 * 1024;

describe('body limits', () => {
  it('refuses a 20 MB JSON body with 413 BODY_TOO_LARGE after reading little more than the limit', async () => {
    const { token, campaign } = await seededCampaign();
    // A JSON document that is valid up to where it is cut: the route must stop on size, not syntax.
    const filler = new TextEncoder().encode(' '.repeat(PIECE));
    for (const [path, limit] of [
      ['/assistants', LIMITS.maxJsonBodyBytes],
      ['/imports', LIMITS.maxImportCreateBytes],
      [`/campaigns/${campaign.id}/uploads/x/complete`, LIMITS.maxJsonBodyBytes],
    ] as const) {
      const body = countedStream(20 * 1024 * 1024, filler);
      const res = await send(token, 'POST', path, body.stream);
      expect(res.status, path).toBe(413);
      const error = (await res.json<any>()).error;
      expect(error.code).toBe('BODY_TOO_LARGE');
      expect(error.message).toMatch(/MB/);
      expect(body.pulled(), path).toBeLessThanOrEqual(limit + PIECE);
    }
  });

  it('refuses a chunk over the limit in bytes without Content-Length (multi-byte text under the limit in characters)', async () => {
    const { api, token, campaign } = await seededCampaign();
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'big.csv', headers: ['phone_number', 'customer_name'], totalRows: 5_000 }));
    // 5,000 rows with 600 "€" each: 3 M characters, but 9 MB of UTF-8.
    const cell = '€'.repeat(600);
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ row: i + 1, cells: [`+1415${String(2_000_000 + i)}`, cell] }));
    const json = JSON.stringify({ v: 1, index: 0, rows });
    expect(json.length).toBeLessThan(LIMITS.maxChunkBytes);
    const bytes = new TextEncoder().encode(json);
    expect(bytes.length).toBeGreaterThan(LIMITS.maxChunkBytes);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.subarray(offset, offset + PIECE));
          offset += PIECE;
        },
      },
      { highWaterMark: 0 },
    );
    const res = await send(token, 'PUT', `/imports/${created.id}/chunks/0`, stream);
    expect(res.status).toBe(413);
    expect((await res.json<any>()).error.code).toBe('FILE_TOO_LARGE');
    expect(offset).toBeLessThanOrEqual(LIMITS.maxChunkBytes + PIECE);
    expect(await env.UPLOADS.list({ prefix: `ws/` }).then((l) => l.objects.filter((o) => o.key.includes(created.id)).length)).toBe(0);
  });
});
