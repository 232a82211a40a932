import { describe, expect, it } from 'vitest';
import { eventBody, MAX_BODY_BYTES } from './fan-out.ts';

describe('webhook body', () => {
  it('is {type, timestamp, data} with data as stored, byte for byte', () => {
    const data = '{"importId":"imp_1","status":"completed","totalRows":2}';
    const body = eventBody('import.completed', '2026-12-07T10:00:00.000Z', data);
    expect(body).toBe(`{"type":"import.completed","timestamp":"2026-12-07T10:00:00.000Z","data":${data}}`);
    expect(JSON.parse(body)).toEqual({ type: 'import.completed', timestamp: '2026-12-07T10:00:00.000Z', data: JSON.parse(data) });
  });

  it('is never more than 20 KB', () => {
    expect(() => eventBody('import.completed', 't', JSON.stringify({ x: 'y'.repeat(MAX_BODY_BYTES) }))).toThrow(/over 20480 bytes/);
  });
});
