/**
 * The code-page tables SheetJS needs to read text in legacy .xls files (Excel 95's BIFF5 stores
 * text in the workbook's code page; BIFF8 in UTF-16), given to it as TextDecoder: the same decoders
 * that read CSV files, in browsers and in workerd, instead of SheetJS's 470 KB cpexcel tables.
 * SheetJS calls `utils.decode(codePage, bytes)` and, when writing, `utils.encode`.
 */
import * as XLSX from 'xlsx';

/** Windows code page numbers (as a workbook's CODEPAGE record names them) → WHATWG labels. */
const LABELS: Record<number, string> = {
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  10007: 'x-mac-cyrillic',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28591: 'windows-1252',
  28592: 'iso-8859-2',
  28593: 'iso-8859-3',
  28594: 'iso-8859-4',
  28595: 'iso-8859-5',
  28596: 'iso-8859-6',
  28597: 'iso-8859-7',
  28598: 'iso-8859-8',
  28599: 'windows-1254',
  28603: 'iso-8859-13',
  28605: 'iso-8859-15',
  54936: 'gb18030',
  65001: 'utf-8',
  // Excel's "Mac Roman" and DOS code pages it writes for old files; 437/850 read as their Windows sibling.
  32768: 'macintosh',
  437: 'windows-1252',
  850: 'windows-1252',
  866: 'ibm866',
};

const decoders = new Map<number, TextDecoder>();

function decoderFor(codePage: number): TextDecoder {
  let d = decoders.get(codePage);
  if (!d) {
    // SheetJS strips byte-order marks itself where they belong.
    d = new TextDecoder(LABELS[codePage] ?? 'windows-1252', { fatal: false, ignoreBOM: true });
    decoders.set(codePage, d);
  }
  return d;
}

function bytesOf(data: ArrayLike<number> | string): Uint8Array {
  if (typeof data === 'string') return Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff);
  return data instanceof Uint8Array ? data : Uint8Array.from(data);
}

function encode(codePage: number, text: string): number[] {
  if (codePage === 1200) return [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
  if (codePage === 65001) return [...new TextEncoder().encode(text)];
  // Writing is not this project's use of SheetJS: characters beyond Latin-1 become '?'.
  return [...text].map((c) => (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f));
}

export const codePageTables = {
  utils: {
    decode: (codePage: number, data: ArrayLike<number> | string) => decoderFor(codePage).decode(bytesOf(data)),
    encode: (codePage: number, text: string) => encode(codePage, text),
  },
};

let installed = false;

/** Gives SheetJS its code-page tables (once). */
export function installCodePages(): void {
  if (installed) return;
  XLSX.set_cptable(codePageTables as never);
  installed = true;
}
