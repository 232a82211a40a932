/**
 * Crafted .xlsx files for the regex tests (unit and Worker): a real SheetJS workbook whose
 * [Content_Types].xml is replaced, re-zipped with real deflate so a megabyte of repetition fits in
 * about 2 KB, as an attacker would send it.
 */
import * as XLSX from 'xlsx';

/** `<Override ` this many times: the [Content_Types].xml of the security review's 2,223-byte file. */
export const OVERRIDE_REPEATS = 100_000;

/** A small valid workbook (one sheet: phone_number, customer_name) as SheetJS writes it. */
export function sheetJsWorkbook(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['phone_number', 'customer_name'], ['+14152000001', 'Ada']]), 'Leads');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
}

/** The workbook's entries (name → bytes), read back with SheetJS's own zip reader. */
export function workbookEntries(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' }) as unknown as {
    FullPaths: string[];
    FileIndex: { type: number; content?: ArrayLike<number> }[];
  };
  const out: { name: string; data: Uint8Array }[] = [];
  cfb.FullPaths.forEach((path: string, i: number) => {
    const entry = cfb.FileIndex[i]!;
    if (entry.type !== 2 || !entry.content) return;
    const name = path.slice(path.indexOf('/') + 1);
    if (name.startsWith('\u0001')) return; // SheetJS's own marker entry
    out.push({ name, data: new Uint8Array(entry.content) });
  });
  return out;
}

/** The workbook with its [Content_Types].xml replaced by `contentTypes`. */
export async function xlsxWithContentTypes(contentTypes: string): Promise<Uint8Array> {
  const entries = workbookEntries(sheetJsWorkbook()).map((e) =>
    e.name === '[Content_Types].xml' ? { name: e.name, data: new TextEncoder().encode(contentTypes) } : e,
  );
  return deflatedZip(entries);
}

/** The review's file: [Content_Types].xml is `<Override ` repeated `repeats` times (1,000,000 bytes by default). */
export function overrideBombXlsx(repeats = OVERRIDE_REPEATS): Promise<Uint8Array> {
  return xlsxWithContentTypes('<Override '.repeat(repeats));
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A plain zip (deflate, no zip64, no data descriptors) of these entries. */
export async function deflatedZip(entries: { name: string; data: Uint8Array }[]): Promise<Uint8Array> {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const packed = await deflateRaw(e.data);
    const crc = crc32(e.data);
    const offset = local.length;
    u32(local, 0x04034b50); u16(local, 20); u16(local, 0); u16(local, 8); u32(local, 0);
    u32(local, crc); u32(local, packed.length); u32(local, e.data.length); u16(local, name.length); u16(local, 0);
    local.push(...name);
    for (const b of packed) local.push(b);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0); u16(central, 8); u32(central, 0);
    u32(central, crc); u32(central, packed.length); u32(central, e.data.length); u16(central, name.length);
    u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    central.push(...name);
  }
  const end: number[] = [];
  u32(end, 0x06054b50); u16(end, 0); u16(end, 0); u16(end, entries.length); u16(end, entries.length);
  u32(end, central.length); u32(end, local.length); u16(end, 0);
  return new Uint8Array([...local, ...central, ...end]);
}
