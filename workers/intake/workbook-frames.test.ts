import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader, type WorkbookFrame } from './workbook-frames.ts';

/** A byte stream of `bytes` cut into pieces of `size` (frames split anywhere, also inside a UTF-8 character). */
function streamOf(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

const frames: WorkbookFrame[] = [
  { t: 'head', headers: ['phone_number', 'Nom \n "é"'], sheet: 'Feuille 1', header: { index: 2, reason: 'phone-column' } },
  { t: 'rows', rows: [{ row: 1, cells: ['+14152000001', '張偉 😀'] }, { row: 3, cells: ['4152000002', ''], numeric: { 0: 4152000002 } }] },
  { t: 'rows', rows: Array.from({ length: 500 }, (_, i) => ({ row: i + 4, cells: [`+1415300${String(i).padStart(4, '0')}`, 'x\n'.repeat(i % 9)] })) },
  { t: 'error', code: 'TOO_MANY_ROWS', message: 'The sheet "S" has more than 1,048,576 data rows.' },
];

async function readAll(reader: FrameReader): Promise<WorkbookFrame[]> {
  const out: WorkbookFrame[] = [];
  for (let f = await reader.next(); f; f = await reader.next()) out.push(f);
  return out;
}

describe('workbook reader frames', () => {
  it('read back as sent, however the stream is cut', async () => {
    const bytes = new Uint8Array(frames.flatMap((f) => [...encodeFrame(f)]));
    for (const size of [1, 7, 64, 4096, bytes.length]) expect(await readAll(new FrameReader(streamOf(bytes, size)))).toEqual(frames);
  });

  it('a stream that ends inside a frame is an error, not a shorter file', async () => {
    const bytes = new Uint8Array(frames.slice(0, 2).flatMap((f) => [...encodeFrame(f)]));
    const reader = new FrameReader(streamOf(bytes.slice(0, bytes.length - 5), 100));
    await expect(readAll(reader)).rejects.toThrow(/inside a frame/);
  });

  it('cancel ends a read that is waiting', async () => {
    const reader = new FrameReader(new ReadableStream({ pull: () => new Promise(() => {}) }));
    const waiting = reader.next();
    await reader.cancel();
    await expect(waiting).resolves.toBeNull();
  });
});
