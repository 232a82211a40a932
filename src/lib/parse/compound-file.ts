/**
 * The streams at the top of an OLE compound file (MS-CFB: the container of a legacy .xls), read in
 * time linear in the file. SheetJS's own reader walks the directory in ways a crafted file turns
 * endless (a cycle in the directory tree grew one path string for 10 s from 4 KB) or quadratic
 * (its queue and `lastIndexOf` over a directory of many entries), so the untrusted container is
 * read here and SheetJS only sees the fresh one xls-rebuild.ts writes.
 *
 * Every sector chain is followed at most once per sector (a cycle is damage), the directory tree
 * is walked visiting each entry at most once, and `work` counts the steps so tests can bound them.
 */
import { corruptWorkbook } from './workbook-errors.ts';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT = 109;
const ENTRY = 128;

export interface CompoundFile {
  /** The root storage's direct children: name (as written) → entry index. */
  top: Map<string, number>;
  /** The content of the top-level stream named `name` (any case), or null if there is none. */
  stream(name: string): Uint8Array | null;
  /** Steps taken so far (sectors followed, entries visited): linear in the file's size. */
  readonly work: number;
}

export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512) throw corruptWorkbook();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? dv.getUint32(at, true) : FREE);
  if (dv.getUint16(0x1c, true) !== 0xfffe) throw corruptWorkbook();
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw corruptWorkbook();
  const sectorSize = 1 << shift;
  const miniShift = dv.getUint16(0x20, true);
  if (miniShift !== 6) throw corruptWorkbook();
  const sectors = Math.floor((bytes.length - 512) / sectorSize) + (bytes.length > 512 && (bytes.length - 512) % sectorSize ? 1 : 0);
  let work = 0;
  const sectorAt = (n: number) => 512 + n * sectorSize;

  // The FAT's own sectors: 109 in the header, then the DIFAT chain (each sector's last slot links on).
  const fatSectors: number[] = [];
  const fatCount = u32(0x2c);
  if (fatCount > sectors) throw corruptWorkbook();
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + 4 * i));
  const perDifat = sectorSize / 4 - 1;
  for (let d = u32(0x44), seen = 0; fatSectors.length < fatCount && d !== END_OF_CHAIN && d !== FREE; seen++) {
    if (d >= sectors || seen > sectors) throw corruptWorkbook();
    for (let i = 0; i < perDifat && fatSectors.length < fatCount; i++) fatSectors.push(u32(sectorAt(d) + 4 * i));
    d = u32(sectorAt(d) + 4 * perDifat);
    work++;
  }
  if (fatSectors.length < fatCount) throw corruptWorkbook();
  const perSector = sectorSize / 4;
  const fatNext = (n: number): number => {
    const holder = fatSectors[Math.floor(n / perSector)];
    if (holder === undefined || holder >= sectors) throw corruptWorkbook();
    return u32(sectorAt(holder) + 4 * (n % perSector));
  };

  /** The sectors of the chain from `start`, each at most once. */
  const chain = (start: number, next: (n: number) => number, limit: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let n = start; n !== END_OF_CHAIN; n = next(n)) {
      if (n >= limit || seen.has(n)) throw corruptWorkbook();
      seen.add(n);
      out.push(n);
      work++;
    }
    return out;
  };
  const gather = (list: number[], size: number, at: (n: number) => number, unit: number): Uint8Array => {
    if (list.length * unit < size) throw corruptWorkbook();
    const out = new Uint8Array(size);
    for (let i = 0, done = 0; done < size; i++) {
      const from = at(list[i]!);
      const take = Math.min(unit, size - done);
      if (from + take > bytes.length) throw corruptWorkbook();
      out.set(bytes.subarray(from, from + take), done);
      done += take;
    }
    return out;
  };

  const directory = chain(u32(0x30), fatNext, sectors);
  const entries = (directory.length * sectorSize) / ENTRY;
  const entryAt = (i: number) => sectorAt(directory[Math.floor((i * ENTRY) / sectorSize)]!) + ((i * ENTRY) % sectorSize);
  const type = (i: number) => bytes[entryAt(i) + 0x42] ?? 0;
  const name = (i: number): string => {
    const at = entryAt(i);
    const length = Math.min(dv.getUint16(at + 0x40, true), 64);
    let s = '';
    for (let k = 0; k + 2 < length; k += 2) s += String.fromCharCode(dv.getUint16(at + k, true));
    return s;
  };
  if (entries < 1 || type(0) !== 5) throw corruptWorkbook();

  // The root's children: a tree linked by left and right siblings, each entry visited once.
  const top = new Map<string, number>();
  const visited = new Uint8Array(entries);
  const pending = [u32(entryAt(0) + 0x4c)];
  while (pending.length > 0) {
    const i = pending.pop()!;
    if (i === NO_STREAM) continue;
    if (i >= entries || visited[i]) throw corruptWorkbook();
    visited[i] = 1;
    work++;
    top.set(name(i), i);
    pending.push(u32(entryAt(i) + 0x44), u32(entryAt(i) + 0x48));
  }

  const cutoff = u32(0x38);
  let mini: { fat: Uint8Array; stream: Uint8Array } | null = null;
  const miniStreams = () => {
    if (mini) return mini;
    const miniFatChain = chain(u32(0x3c) === FREE ? END_OF_CHAIN : u32(0x3c), fatNext, sectors);
    const fat = gather(miniFatChain, miniFatChain.length * sectorSize, sectorAt, sectorSize);
    const rootSize = u32(entryAt(0) + 0x78);
    const rootStart = u32(entryAt(0) + 0x74);
    const stream = rootSize === 0 ? new Uint8Array(0) : gather(chain(rootStart, fatNext, sectors), rootSize, sectorAt, sectorSize);
    return (mini = { fat, stream });
  };

  return {
    top,
    get work() {
      return work;
    },
    stream(wanted) {
      const key = wanted.toUpperCase();
      const i = [...top].find(([n]) => n.toUpperCase() === key)?.[1];
      if (i === undefined || type(i) !== 2) return null;
      const at = entryAt(i);
      const size = u32(at + 0x78);
      const start = u32(at + 0x74);
      if (size === 0) return new Uint8Array(0);
      if (size > bytes.length) throw corruptWorkbook();
      if (size >= cutoff) return gather(chain(start, fatNext, sectors), size, sectorAt, sectorSize);
      const { fat, stream } = miniStreams();
      const miniDv = new DataView(fat.buffer, fat.byteOffset, fat.byteLength);
      const miniCount = Math.min(fat.length / 4, Math.ceil(stream.length / 64));
      const next = (n: number) => miniDv.getUint32(4 * n, true);
      const list = chain(start, next, miniCount);
      const out = new Uint8Array(size);
      if (list.length * 64 < size) throw corruptWorkbook();
      for (let k = 0, done = 0; done < size; k++) {
        const from = list[k]! * 64;
        const take = Math.min(64, size - done);
        if (from + take > stream.length) throw corruptWorkbook();
        out.set(stream.subarray(from, from + take), done);
        done += take;
      }
      return out;
    },
  };
}
