/** What an uploaded file is, from its first bytes, and the error for one that is neither CSV nor a workbook. */
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';

export type FileKind = 'csv' | 'xlsx' | 'xls' | 'unknown';

/**
 * What a file is, from its first bytes: a zip (`PK\x03\x04`) is 'xlsx', an OLE container
 * (`D0 CF 11 E0 …`) is 'xls', plain text that is not HTML/XML markup is 'csv' (also when named
 * .xls: CRMs export tab-separated text under that name, and it is read as CSV), anything else
 * 'unknown' (see unsupportedFileError). An empty file takes its kind from `fileName`.
 */
export function sniffFileKind(bytes: Uint8Array, fileName?: string): FileKind {
  if (bytes.length === 0) {
    const ext = /\.(xlsx|xlsm|xls)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
    return ext === 'xls' ? 'xls' : ext ? 'xlsx' : 'csv';
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) return 'xls';
  const text = headText(bytes);
  if (text === null) return 'unknown';
  return MARKUP.test(text) ? 'unknown' : 'csv';
}

/** The FILE_UNSUPPORTED error for a file that is neither CSV nor a workbook, saying what it seems to be. */
export function unsupportedFileError(bytes: Uint8Array, fileName?: string): FileReadError {
  const named = fileName ? `"${fileName}"` : 'This file';
  const text = headText(bytes);
  if (text !== null && /^\s*<(!doctype\s+html|html|table|head|body|meta|!--)/i.test(text)) {
    return new FileReadError(FILE_ERRORS.webPage(named));
  }
  if (text !== null && /^\s*<\?xml/i.test(text)) {
    return new FileReadError(FILE_ERRORS.xmlFile(named));
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return new FileReadError(FILE_ERRORS.pdf(named));
  }
  return new FileReadError(FILE_ERRORS.notSpreadsheet(named));
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MARKUP = /^\s*<(\?xml|!doctype|html|table|head|body|meta|!--)/i;

export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The first KiB as text when it looks like text (UTF-16 with BOM, or bytes with no NULs and few control characters), else null. */
function headText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    const le = head[0] === 0xff;
    let s = '';
    for (let i = 2; i + 1 < Math.min(head.length, 2050); i += 2) s += String.fromCharCode(le ? head[i]! | (head[i + 1]! << 8) : (head[i]! << 8) | head[i + 1]!);
    return s;
  }
  let control = 0;
  for (const b of head) {
    if (b === 0) return null;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  if (control > head.length / 100) return null;
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return new TextDecoder('utf-8').decode(head.subarray(start, 1024 + start));
}
