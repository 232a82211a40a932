/** Zip (.xlsx) containment: the archive is walked and measured before SheetJS inflates it. */
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';
import { inflatedSize } from './deflate-count.ts';
import { corruptZip } from './workbook-errors.ts';
import { attributeValue, overrideTags, unescapeXml } from './xml-scan.ts';

interface ZipEntry {
  name: string;
  method: number;
  /** Where the entry's data starts (after its local header). */
  dataStart: number;
  /** Compressed size as SheetJS will use it (local header, zip64 fields applied). */
  localCompressed: number;
  /** Uncompressed size SheetJS will allocate for it (0: it grows the buffer as it inflates). */
  localUncompressed: number;
  /** Uncompressed size the central directory claims. */
  declared: number;
}

/**
 * Walks the zip's central directory and local headers the way SheetJS will (same end record, same
 * sizes), refuses encrypted or non-workbook archives, and bounds what inflating would produce:
 * first the declared sizes, then the true output of every deflate stream, counted without
 * writing it (so a stream that lies about its size is caught too). Throws FILE_TOO_LARGE past
 * `maxUncompressed`, FILE_CORRUPT for a damaged archive.
 */
export function checkZip(bytes: Uint8Array, maxUncompressed: number): void {
  const entries = zipEntries(bytes);
  const lower = entries.map((e) => e.name.toLowerCase());
  // SheetJS picks its reader by entry names (matched loosely): keep it on the .xlsx reader only.
  if (lower.some((n) => /(^|\/)(mimetype|manifest\.xml|objectdata\.xml|content\.xml)$/.test(n))) {
    throw new FileReadError(FILE_ERRORS.openDocument());
  }
  if (lower.some((n) => /\.iwa$|(^|\/)index\.(zip|xml|xml\.gz)$/.test(n))) {
    throw new FileReadError(FILE_ERRORS.appleNumbers());
  }
  const types = entries.filter((_, i) => lower[i] === '[content_types].xml');
  if (types.length === 0 || !lower.some((n) => n.startsWith('xl/'))) {
    throw new FileReadError(FILE_ERRORS.zipNotExcel());
  }
  // The binary workbook format (.xlsb) goes through the same formula parser that a crafted .xls hangs.
  if (lower.some((n) => n.endsWith('workbook.bin')) || types.some((e) => declaresBinaryWorkbook(zipEntryText(bytes, e)))) {
    throw new FileReadError(FILE_ERRORS.binaryWorkbook());
  }
  const tooLarge = (total: number) =>
    new FileReadError(FILE_ERRORS.expandsTooLarge(total, maxUncompressed));
  let total = 0;
  for (const e of entries) {
    total += Math.max(e.declared, e.localUncompressed);
    if (total > maxUncompressed) throw tooLarge(total);
  }
  total = 0;
  for (const e of entries) {
    let size = Math.max(e.declared, e.localUncompressed);
    if (e.method === 8) size = Math.max(size, inflatedSize(bytes, e.dataStart, maxUncompressed - total));
    else size = Math.max(size, Math.min(e.localCompressed, bytes.length - e.dataStart));
    total += size;
    if (total > maxUncompressed) throw tooLarge(total);
  }
}

/** Workbook content types of SheetJS's [Content_Types].xml reading; a workbook part named *bin is read as .xlsb. */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);

/**
 * Whether [Content_Types].xml (at most 1 MiB, from the file) names a binary workbook part. Read with
 * index scans, not regular expressions: patterns such as `<[^>]*Override\b[^>]*>` backtrack
 * polynomially on a tag that never closes (`<Override ` 100,000 times took minutes).
 */
function declaresBinaryWorkbook(contentTypes: string): boolean {
  for (const tag of overrideTags(contentTypes)) {
    const type = attributeValue(tag, 'ContentType');
    const part = attributeValue(tag, 'PartName');
    if (type === undefined || part === undefined) continue;
    const partName = unescapeXml(part);
    if (WORKBOOK_TYPES.has(type) || WORKBOOK_TYPES.has(unescapeXml(type))) {
      if (partName.endsWith('bin') || type.includes('binary')) return true;
    }
  }
  return false;
}

/** A small zip entry's content as text (at most 1 MiB; larger is refused as corrupt). */
function zipEntryText(bytes: Uint8Array, e: ZipEntry): string {
  const max = 1024 * 1024;
  let data: Uint8Array;
  if (e.method === 0) {
    data = bytes.subarray(e.dataStart, Math.min(bytes.length, e.dataStart + e.localCompressed, e.dataStart + max));
  } else {
    const out = new Uint8Array(Math.min(max, Math.max(e.declared, e.localUncompressed, 1)));
    const size = inflatedSize(bytes, e.dataStart, out.length, out);
    if (size > out.length) throw corruptZip();
    data = out.subarray(0, size);
  }
  return new TextDecoder('utf-8').decode(data);
}

function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  const u16 = (p: number) => dv.getUint16(p, true);
  const u32 = (p: number) => dv.getUint32(p, true);
  // End of central directory: the last "PK\x05\x06", searched backwards from the end as SheetJS does.
  let eocd = -1;
  for (let i = len - 4; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || eocd + 22 > len) throw corruptZip();
  const count = u16(eocd + 8);
  let p = u32(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || u32(p) !== 0x02014b50) throw corruptZip();
    let declared = u32(p + 24);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const localOffset = u32(p + 42);
    if (p + 46 + nameLength + extraLength + commentLength > len) throw corruptZip();
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const cdZip64 = zip64Sizes(dv, p + 46 + nameLength, extraLength);
    if (cdZip64.uncompressed) declared = cdZip64.uncompressed;
    p += 46 + nameLength + extraLength + commentLength;

    const l = localOffset;
    if (l + 30 > len || u32(l) !== 0x04034b50) throw corruptZip();
    const flags = u16(l + 6);
    const method = u16(l + 8);
    if (flags & 0x2041) {
      throw new FileReadError(FILE_ERRORS.encryptedZip());
    }
    if (method !== 0 && method !== 8) throw corruptZip();
    let localCompressed = u32(l + 18);
    let localUncompressed = u32(l + 22);
    const localNameLength = u16(l + 26);
    const localExtraLength = u16(l + 28);
    if (localExtraLength) {
      const local64 = zip64Sizes(dv, l + 30 + localNameLength, localExtraLength);
      if (local64.uncompressed) localUncompressed = local64.uncompressed;
      if (local64.compressed) localCompressed = local64.compressed;
      if (cdZip64.uncompressed) localUncompressed = cdZip64.uncompressed;
      if (cdZip64.compressed) localCompressed = cdZip64.compressed;
    }
    const dataStart = l + 30 + localNameLength + localExtraLength;
    if (dataStart > len) throw corruptZip();
    entries.push({ name, method, dataStart, localCompressed, localUncompressed, declared });
  }
  return entries;
}

/** The ZIP64 sizes (extra field 0x0001) in an extra-field block, read as SheetJS reads them. */
function zip64Sizes(dv: DataView, start: number, length: number): { uncompressed: number; compressed: number } {
  const out = { uncompressed: 0, compressed: 0 };
  const end = Math.min(start + length, dv.byteLength);
  let p = start;
  while (p + 4 <= end) {
    const type = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (type === 0x0001) {
      if (p + 12 <= end) out.uncompressed = dv.getUint32(p + 4, true) + dv.getUint32(p + 8, true) * 2 ** 32;
      if (p + 20 <= end) out.compressed = dv.getUint32(p + 12, true) + dv.getUint32(p + 16, true) * 2 ** 32;
    }
    p += 4 + size;
  }
  return out;
}
