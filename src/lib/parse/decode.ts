/**
 * Bytes to text, whole or piece by piece, in any encoding the product reads (encoding/encodings.ts):
 * detected from the first DETECT_BYTES (encoding/detect.ts) or named by the caller. Decoding itself
 * is TextDecoder's (browsers and workerd know every WHATWG encoding), streamed, so a character split
 * across two pieces comes out whole.
 */
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';
import { DETECT_BYTES, bomOf, detectEncoding, detectLegacy, isUtf8, type Detection } from './encoding/detect.ts';
import { resolveEncoding } from './encoding/encodings.ts';

export type { Detection };

/** Bytes looked at before the encoding is chosen: the first piece is at least this long unless the file is shorter. */
export const DEFAULT_SNIFF_BYTES = DETECT_BYTES;
/** More NUL bytes than this in the sniffed head of a non-UTF-16 file means it is binary, not text. */
const MAX_NULS = 4;

/** An incremental decoder: feed byte pieces of any size, get text. */
export interface StreamDecoder {
  /** Decodes one more piece. Returns '' while bytes are being collected to choose the encoding. */
  push(bytes: Uint8Array): string;
  /** Flushes what is left; throws FileReadError when the file ends in the middle of a character. */
  end(): string;
  /** The WHATWG name of the encoding in use; null until chosen. */
  readonly encoding: string | null;
  /**
   * How the encoding was chosen, with its confidence. A file whose first bytes are all ASCII reads as
   * UTF-8 (source "ascii") until its first byte above 0x7F; the detection is then made again on the
   * DETECT_BYTES from there, and may change.
   */
  readonly detection: Detection | null;
}

export interface DecoderOptions {
  /** How many bytes to collect before choosing the encoding (default DETECT_BYTES). */
  sniffBytes?: number;
  /**
   * A WHATWG name (resolveEncoding's answer): read the file as this instead of detecting. A BOM at
   * the start still wins, as the Encoding Standard's decode says.
   */
  encoding?: string;
}

type Mode = { kind: 'collect'; afterAscii: boolean } | { kind: 'ascii' } | { kind: 'body'; decoder: TextDecoder };

const asciiDecoder = new TextDecoder('windows-1252');

/**
 * Creates a StreamDecoder. Pieces pushed while the encoding is being chosen are kept by reference
 * until then: don't reuse their buffers.
 */
export function createDecoder(opts: DecoderOptions = {}): StreamDecoder {
  const sniffBytes = Math.max(4, opts.sniffBytes ?? DEFAULT_SNIFF_BYTES);
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let mode: Mode = { kind: 'collect', afterAscii: false };
  let detection: Detection | null = null;
  /** Bytes decoded so far (for messages). */
  let offset = 0;

  function startBody(d: Detection): TextDecoder {
    detection = d;
    const utf8 = d.encoding === 'utf-8';
    const utf16 = d.encoding.startsWith('utf-16');
    const decoder = new TextDecoder(d.encoding, { fatal: utf8 || utf16, ignoreBOM: false });
    mode = { kind: 'body', decoder };
    return decoder;
  }

  function decodeBody(decoder: TextDecoder, bytes: Uint8Array, final: boolean): string {
    try {
      const text = final ? decoder.decode(bytes) : decoder.decode(bytes, { stream: true });
      offset += bytes.length;
      return text;
    } catch {
      throw decodeError(detection!, offset);
    }
  }

  /** Chooses the encoding on the bytes collected so far and decodes them. */
  function begin(final: boolean): string {
    const head = concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    const afterAscii = mode.kind === 'collect' && mode.afterAscii;
    if (!afterAscii && opts.encoding) {
      const bom = bomOf(head);
      const d: Detection = bom && bom.encoding !== opts.encoding
        ? { encoding: bom.encoding, confidence: 1, uncertain: false, alternatives: [], source: 'bom' }
        : { encoding: opts.encoding, confidence: 1, uncertain: false, alternatives: [], source: 'label' };
      if (!d.encoding.startsWith('utf-16')) assertText(head);
      return decodeBody(startBody(d), head, final);
    }
    // The choice rests on exactly the first sniffBytes (however the pieces fell), so any split reads alike.
    const sample = head.subarray(0, Math.min(sniffBytes, DETECT_BYTES));
    const whole = final && head.length === sample.length;
    if (afterAscii) {
      // Everything before was ASCII: detect again from the first byte above 0x7F.
      const again = isUtf8(sample, whole) ? { ...detection!, source: 'utf-8' as const } : detectLegacy(sample);
      return decodeBody(startBody(again), head, final);
    }
    const d = detectEncoding(sample, { isWholeFile: whole });
    if (!d.encoding.startsWith('utf-16')) assertText(head);
    if (d.source === 'ascii') {
      // Plain ASCII so far reads the same in every encoding: pass it on, and choose at the first byte above 0x7F.
      detection = d;
      let i = 0;
      while (i < head.length && head[i]! < 0x80) i++;
      offset += i;
      const text = asciiDecoder.decode(head.subarray(0, i));
      if (i === head.length) {
        mode = { kind: 'ascii' };
        return text;
      }
      mode = { kind: 'collect', afterAscii: true };
      pending = [head.subarray(i)];
      pendingLength = head.length - i;
      return text + (final || pendingLength >= sniffBytes ? begin(final) : '');
    }
    return decodeBody(startBody(d), head, final);
  }

  function collect(bytes: Uint8Array): string {
    pending.push(bytes);
    pendingLength += bytes.length;
    return pendingLength < sniffBytes ? '' : begin(false);
  }

  return {
    push(bytes: Uint8Array): string {
      if (bytes.length === 0) return '';
      switch (mode.kind) {
        case 'collect':
          return collect(bytes);
        case 'ascii': {
          let i = 0;
          while (i < bytes.length && bytes[i]! < 0x80) i++;
          if (i === bytes.length) {
            offset += bytes.length;
            return asciiDecoder.decode(bytes);
          }
          const text = i ? asciiDecoder.decode(bytes.subarray(0, i)) : '';
          offset += i;
          mode = { kind: 'collect', afterAscii: true };
          return text + collect(bytes.subarray(i));
        }
        case 'body':
          return decodeBody(mode.decoder, bytes, false);
      }
    },
    end(): string {
      switch (mode.kind) {
        case 'collect':
          return begin(true);
        case 'ascii':
          return '';
        case 'body':
          return decodeBody(mode.decoder, new Uint8Array(0), true);
      }
    },
    get encoding() {
      return detection?.encoding ?? null;
    },
    get detection() {
      return detection;
    },
  };
}

/** The error for bytes the chosen Unicode encoding cannot read. */
function decodeError(d: Detection, offset: number): FileReadError {
  if (d.encoding.startsWith('utf-16')) {
    return new FileReadError(FILE_ERRORS.notUtf16());
  }
  if (d.source === 'label') {
    return new FileReadError(FILE_ERRORS.notUtf8AsNamed(offset));
  }
  return new FileReadError(FILE_ERRORS.mixedEncodings(offset));
}

/** Decodes a whole file (the encoding detected on all of it, up to DETECT_BYTES, or named). */
export function decodeAll(bytes: Uint8Array, opts: { encoding?: string } = {}): string {
  return decodeWhole(bytes, opts).text;
}

/** decodeAll with the detection. */
export function decodeWhole(bytes: Uint8Array, opts: { encoding?: string } = {}): { text: string; detection: Detection } {
  const decoder = createDecoder({ sniffBytes: bytes.length + 1, encoding: opts.encoding });
  const text = decoder.push(bytes) + decoder.end();
  return { text, detection: decoder.detection! };
}

/**
 * A whole buffer as text, with how it was read: `label` (any WHATWG label) names the encoding,
 * else it is detected. Throws TypeError for a label that names no encoding read here (resolve it
 * with resolveEncoding first to answer a client). Streams use createDecoder.
 */
export function decodeText(bytes: Uint8Array, opts: { label?: string } = {}): { text: string; encoding: string; confidence: number; uncertain: boolean; detection: Detection } {
  const encoding = opts.label === undefined ? undefined : resolveEncoding(opts.label);
  if (encoding === null) throw new TypeError(`Unknown encoding label ${JSON.stringify(opts.label)}`);
  const { text, detection } = decodeWhole(bytes, { encoding });
  return { text, encoding: detection.encoding, confidence: detection.confidence, uncertain: detection.uncertain, detection };
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

function concat(pieces: Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
