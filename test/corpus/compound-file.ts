/**
 * A minimal OLE compound file writer (MS-CFB version 3, 512-byte sectors, no mini stream), so
 * tests control every directory link: the entries after the root are its children, linked as
 * the caller says (default: a chain of right siblings).
 */
export interface CfbEntry {
  name: string;
  /** 2 stream (default), 1 storage. */
  type?: 1 | 2;
  content?: Uint8Array;
  left?: number;
  right?: number;
  child?: number;
}

const NONE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;

export function compoundFile(entries: CfbEntry[], opts: { rootChild?: number; fatCycle?: boolean } = {}): Uint8Array {
  const dirEntries = entries.length + 1;
  const dirSectors = Math.ceil(dirEntries / 4);
  const dataSectors = entries.map((e) => Math.ceil((e.content?.length ?? 0) / 512));
  const data = dataSectors.reduce((a, b) => a + b, 0);
  let fat = 1;
  let difat = 0;
  for (;;) {
    const total = fat + difat + dirSectors + data;
    const needFat = Math.ceil(total / 128);
    const needDifat = Math.max(0, Math.ceil((needFat - 109) / 127));
    if (needFat === fat && needDifat === difat) break;
    fat = needFat;
    difat = needDifat;
  }
  const total = fat + difat + dirSectors + data;
  const out = new Uint8Array(512 + total * 512);
  const dv = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, fat, true);
  const dirStart = fat + difat;
  dv.setUint32(0x30, dirStart, true);
  dv.setUint32(0x38, 0, true); // mini stream cutoff: every stream in regular sectors
  dv.setUint32(0x3c, END, true);
  dv.setUint32(0x44, difat ? fat : END, true);
  dv.setUint32(0x48, difat, true);
  const at = (sector: number) => 512 + sector * 512;
  // FAT sector numbers: 109 in the header, the rest in DIFAT sectors (127 each, then the next).
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + 4 * i, i < fat ? i : NONE, true);
  for (let d = 0; d < difat; d++) {
    for (let k = 0; k < 127; k++) {
      const i = 109 + d * 127 + k;
      dv.setUint32(at(fat + d) + 4 * k, i < fat ? i : NONE, true);
    }
    dv.setUint32(at(fat + d) + 508, d + 1 < difat ? fat + d + 1 : END, true);
  }
  const setFat = (sector: number, next: number) => dv.setUint32(at(Math.floor(sector / 128)) + 4 * (sector % 128), next, true);
  for (let s = 0; s < total; s++) setFat(s, NONE);
  for (let s = 0; s < fat; s++) setFat(s, FAT_SECTOR);
  for (let s = fat; s < fat + difat; s++) setFat(s, DIFAT_SECTOR);
  for (let s = 0; s < dirSectors; s++) setFat(dirStart + s, s + 1 < dirSectors ? dirStart + s + 1 : END);
  const writeEntry = (i: number, name: string, type: number, start: number, size: number, left: number, right: number, child: number) => {
    const e = at(dirStart + Math.floor(i / 4)) + (i % 4) * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(e + 2 * k, name.charCodeAt(k), true);
    dv.setUint16(e + 0x40, 2 * (name.length + 1), true);
    out[e + 0x42] = type;
    out[e + 0x43] = 1;
    dv.setUint32(e + 0x44, left, true);
    dv.setUint32(e + 0x48, right, true);
    dv.setUint32(e + 0x4c, child, true);
    dv.setUint32(e + 0x74, start, true);
    dv.setUint32(e + 0x78, size, true);
  };
  writeEntry(0, 'Root Entry', 5, END, 0, NONE, NONE, opts.rootChild ?? (entries.length ? 1 : NONE));
  let next = dirStart + dirSectors;
  entries.forEach((e, k) => {
    const i = k + 1;
    const content = e.content ?? new Uint8Array(0);
    const n = dataSectors[k]!;
    const start = n ? next : END;
    for (let s = 0; s < n; s++) setFat(next + s, s + 1 < n ? next + s + 1 : opts.fatCycle ? start : END);
    out.set(content, at(next));
    next += n;
    writeEntry(i, e.name, e.type ?? 2, start, content.length, e.left ?? NONE, e.right ?? (i < entries.length ? i + 1 : NONE), e.child ?? NONE);
  });
  return out;
}
