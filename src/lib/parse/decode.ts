/** Bytes to text: detects UTF-8 (BOM or not), UTF-16 LE/BE and Windows-1252, and decodes a whole buffer or a stream of pieces. */
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes looked at before the encoding is chosen: the first piece is at least this long unless the file is shorter. */
export const DEFAULT_SNIFF_BYTES = 1024 * 1024;
/** More NUL bytes than this in the sniffed head of a non-UTF-16 file means it is binary, not text. */
const MAX_NULS = 4;

/**
 * The encoding of a file from its first bytes: a BOM decides (UTF-8, UTF-16 LE/BE); BOM-less
 * UTF-16 is recognised by its NUL bytes; otherwise UTF-8 when the bytes are valid UTF-8, else
 * Windows-1252. `isWholeFile` says `head` is the entire file (so a cut-off last character is an error).
 */
export function detectEncoding(head: Uint8Array, isWholeFile = false): Encoding {
  const bom = bomEncoding(head);
  if (bom) return bom.encoding;
  const utf16 = bomlessUtf16(head);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(head, { stream: !isWholeFile });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** An incremental decoder: feed byte pieces of any size, get text; the encoding is chosen on the first `sniffBytes`. */
export interface StreamDecoder {
  /** Decodes one more piece. Returns '' while the first `sniffBytes` are being collected. */
  push(bytes: Uint8Array): string;
  /** Flushes what is left; throws FileReadError when the file ends in the middle of a character. */
  end(): string;
  /** The detected encoding, null until the first `sniffBytes` (or the whole file) have been seen. */
  readonly encoding: Encoding | null;
}

export interface DecoderOptions {
  /** How many bytes to collect before choosing the encoding (default 1 MiB). */
  sniffBytes?: number;
}

/**
 * Creates a StreamDecoder. Pieces pushed before the encoding is chosen are kept by reference
 * until then: don't reuse their buffers. Once UTF-8 is chosen, an invalid sequence later on
 * switches to Windows-1252 if everything decoded so far was ASCII (both read ASCII alike), and
 * otherwise throws FileReadError FILE_CORRUPT asking for a UTF-8 CSV.
 */
export function createDecoder(opts: DecoderOptions = {}): StreamDecoder {
  const sniffBytes = Math.max(4, opts.sniffBytes ?? DEFAULT_SNIFF_BYTES);
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let body: BodyDecoder | null = null;

  /** Chooses the encoding on the bytes collected so far and decodes them. */
  function begin(final: boolean): string {
    const head = concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    const bom = bomEncoding(head);
    if (bom && bom.encoding !== 'utf-8') {
      body = createBodyDecoder(bom.encoding, 0);
      return body.decode(head.subarray(bom.length), final);
    }
    const utf16 = bom ? null : bomlessUtf16(head);
    if (utf16) {
      body = createBodyDecoder(utf16, 0);
      return body.decode(head, final);
    }
    const rest = bom ? head.subarray(bom.length) : head;
    assertText(rest);
    // UTF-8 unless the head is not valid UTF-8 (then Windows-1252: see createBodyDecoder).
    body = createBodyDecoder('utf-8', head.length - rest.length);
    return body.decode(rest, final);
  }

  return {
    push(bytes: Uint8Array): string {
      if (body === null) {
        if (bytes.length === 0) return '';
        pending.push(bytes);
        pendingLength += bytes.length;
        return pendingLength < sniffBytes ? '' : begin(false);
      }
      return body.decode(bytes, false);
    },
    end(): string {
      if (body === null) return begin(true);
      return body.decode(new Uint8Array(0), true);
    },
    get encoding() {
      return body === null ? null : body.encoding;
    },
  };
}

interface BodyDecoder {
  decode(bytes: Uint8Array, final: boolean): string;
  readonly encoding: Encoding;
}

/**
 * Decodes the bytes after the encoding is chosen. UTF-8 switches to Windows-1252 at an invalid
 * sequence while everything decoded so far was ASCII (both read ASCII alike), and otherwise
 * throws FILE_CORRUPT. `offset`: bytes already consumed (a BOM), counted in that message.
 */
function createBodyDecoder(chosen: Encoding, offset: number): BodyDecoder {
  let encoding = chosen;
  let utf8: TextDecoder | null = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
  /** True while every byte decoded as UTF-8 so far was ASCII. */
  let asciiSoFar = true;
  let decodedBytes = offset;
  const utf16 = createUtf16Pieces();

  function decodeUtf8(bytes: Uint8Array, final: boolean): string {
    const decoder = utf8 as TextDecoder;
    try {
      const text = final ? decoder.decode(bytes) : decoder.decode(bytes, { stream: true });
      if (asciiSoFar) asciiSoFar = isAscii(bytes);
      decodedBytes += bytes.length;
      return text;
    } catch {
      if (asciiSoFar) {
        // Nothing but ASCII was decoded so far, and Windows-1252 reads ASCII the same way.
        encoding = 'windows-1252';
        utf8 = null;
        decodedBytes += bytes.length;
        return decodeWindows1252(bytes);
      }
      throw new FileReadError(FILE_ERRORS.mixedEncodings(decodedBytes));
    }
  }

  return {
    decode(bytes: Uint8Array, final: boolean): string {
      switch (encoding) {
        case 'utf-8':
          return decodeUtf8(bytes, final);
        case 'windows-1252':
          decodedBytes += bytes.length;
          return decodeWindows1252(bytes);
        default: {
          const even = utf16(bytes, final);
          decodedBytes += even.length;
          return decodeUtf16(even, encoding === 'utf-16le');
        }
      }
    },
    get encoding() {
      return encoding;
    },
  };
}

/** UTF-16 in pieces of any length: the whole code units of each piece; an odd last byte waits for the next piece. */
function createUtf16Pieces(): (bytes: Uint8Array, final: boolean) => Uint8Array {
  /** The odd byte left over from the previous piece, or -1. */
  let carry = -1;
  return (bytes, final) => {
    let input = bytes;
    if (carry >= 0) {
      input = new Uint8Array(bytes.length + 1);
      input[0] = carry;
      input.set(bytes, 1);
      carry = -1;
    }
    if (input.length % 2 === 1) {
      carry = input[input.length - 1]!;
      input = input.subarray(0, input.length - 1);
    }
    if (final && carry >= 0) {
      throw new FileReadError(FILE_ERRORS.cutOffCharacter());
    }
    return input;
  };
}

/** Decodes a whole file: BOM or BOM-less UTF-16, strict UTF-8 over the entire buffer, else Windows-1252. */
export function decodeAll(bytes: Uint8Array): string {
  const decoder = createDecoder({ sniffBytes: bytes.length + 1 });
  return decoder.push(bytes) + decoder.end();
}

/** Windows-1252 bytes 0x80–0x9F as Unicode (WHATWG Encoding Standard; unassigned bytes map to C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CP1252 = new Uint16Array(256);
for (let i = 0; i < 256; i++) CP1252[i] = i >= 0x80 && i < 0xa0 ? CP1252_HIGH[i - 0x80]! : i;

/** Windows-1252 bytes to text (own table: TextDecoder's legacy encodings are not available everywhere, e.g. workerd). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = CP1252[bytes[i]!]!;
  return unitsToString(units);
}

/** UTF-16 bytes (even length, no BOM) to text. */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units = new Uint16Array(bytes.length >> 1);
  for (let i = 0, j = 0; j < units.length; i += 2, j++) {
    units[j] = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  }
  return unitsToString(units);
}

function unitsToString(units: Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]));
  }
  return parts.join('');
}

function bomEncoding(head: Uint8Array): { encoding: Encoding; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM, recognised when (Latin) text has a NUL in every other byte. */
function bomlessUtf16(head: Uint8Array): Encoding | null {
  const pairs = Math.min(head.length, 4096) >> 1;
  if (pairs < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const few = pairs * 0.02;
  if (oddNul >= pairs * 0.6 && evenNul <= few) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= few) return 'utf-16be';
  return null;
}

/** Refuses binary content (a workbook or other file uploaded as CSV) from its head. */
function assertText(head: Uint8Array): void {
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0 && ++nuls > MAX_NULS) break;
  if (nuls <= MAX_NULS) return;
  const magic = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (magic([0x50, 0x4b, 0x03, 0x04]) || magic([0xd0, 0xcf, 0x11, 0xe0])) {
    throw new FileReadError(FILE_ERRORS.workbookNotCsv());
  }
  throw new FileReadError(FILE_ERRORS.binaryNotCsv());
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

function concat(pieces: Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of pieces) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
