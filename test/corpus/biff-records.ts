/** The BIFF records of a legacy .xls, to edit one record and write the workbook again (tests of the .xls containment). */
import * as XLSX from 'xlsx';

export interface BiffRecord {
  type: number;
  body: Uint8Array;
}

interface Cfb {
  read(d: Uint8Array, o: { type: 'array' }): unknown;
  find(c: unknown, p: string): { content: ArrayLike<number> } | null;
  write(c: unknown, o: { type: 'array' }): ArrayLike<number>;
  utils: { cfb_new(): unknown; cfb_add(c: unknown, name: string, content: Uint8Array): void };
}
const CFB = XLSX.CFB as unknown as Cfb;

/** The workbook stream's name (BIFF8 "Workbook", Excel 95's BIFF5 "Book") and its records. */
export function biffRecords(xls: Uint8Array): { stream: '/Workbook' | '/Book'; records: BiffRecord[] } {
  const container = CFB.read(xls, { type: 'array' });
  const found = CFB.find(container, '/Workbook');
  const stream = found?.content.length ? '/Workbook' : '/Book';
  const bytes = Uint8Array.from((found?.content.length ? found : CFB.find(container, '/Book'))!.content);
  const records: BiffRecord[] = [];
  for (let p = 0; p + 4 <= bytes.length; ) {
    const length = bytes[p + 2]! | (bytes[p + 3]! << 8);
    records.push({ type: bytes[p]! | (bytes[p + 1]! << 8), body: bytes.slice(p + 4, p + 4 + length) });
    p += 4 + length;
  }
  return { stream, records };
}

/** Records as a fresh compound file holding only the workbook stream; each sheet's BoundSheet record points at where its BOF now is. */
export function biffWorkbook(stream: '/Workbook' | '/Book', records: BiffRecord[]): Uint8Array {
  const sheetStarts: number[] = [];
  let at = 0;
  for (const [i, r] of records.entries()) {
    if (r.type === 0x0809 && i > 0) sheetStarts.push(at);
    at += 4 + r.body.length;
  }
  for (const r of records.filter((r) => r.type === 0x0085 && r.body.length >= 4)) {
    const start = sheetStarts.shift();
    if (start !== undefined) new DataView(r.body.buffer, r.body.byteOffset).setUint32(0, start, true);
  }
  const out = Uint8Array.from(records.flatMap((r) => [r.type & 0xff, r.type >> 8, r.body.length & 0xff, r.body.length >> 8, ...r.body]));
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, stream, out);
  return Uint8Array.from(CFB.write(container, { type: 'array' }));
}

/** The .xls with its records edited by `edit`. */
export function editBiff(xls: Uint8Array, edit: (records: BiffRecord[]) => void): Uint8Array {
  const { stream, records } = biffRecords(xls);
  edit(records);
  return biffWorkbook(stream, records);
}

/** The .xls with `record` inserted after the workbook's BOF (`where` 'book') or the first sheet's BOF ('sheet'). */
export function insertRecord(xls: Uint8Array, record: BiffRecord, where: 'book' | 'sheet'): Uint8Array {
  return editBiff(xls, (records) => {
    const bofs = records.flatMap((r, i) => (r.type === 0x0809 ? [i] : []));
    records.splice(bofs[where === 'book' ? 0 : 1]! + 1, 0, record);
  });
}
