/**
 * Text to bytes in a legacy code page, for the encoding corpus: the reverse of the runtime's
 * TextDecoder (Node's ICU where the corpus is made), so what a decoder reads back is checked
 * against an independent table. Characters a single-byte code page only has decomposed (Vietnamese
 * tones in windows-1258) are written as base letter + combining mark, as Windows does.
 */
const encoders = new Map<string, Map<string, number[]>>();

function singleByteTable(label: string): Map<string, number[]> {
  const decoder = new TextDecoder(label, { fatal: true });
  const table = new Map<string, number[]>();
  for (let b = 0; b < 256; b++) {
    try {
      const ch = decoder.decode(Uint8Array.of(b));
      if (!table.has(ch)) table.set(ch, [b]);
    } catch {
      // unassigned byte
    }
  }
  return table;
}

function multiByteTable(label: string): Map<string, number[]> {
  const decoder = new TextDecoder(label, { fatal: true });
  const table = new Map<string, number[]>();
  const add = (bytes: number[]) => {
    try {
      const ch = decoder.decode(Uint8Array.from(bytes));
      if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
    } catch {
      // not a character
    }
  };
  for (let b = 0; b < 0x80; b++) add([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  if (label === 'shift_jis') for (let b = 0xa1; b <= 0xdf; b++) add([b]);
  return table;
}

const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'gbk', 'gb18030', 'big5', 'euc-kr']);

function tableOf(label: string): Map<string, number[]> {
  let t = encoders.get(label);
  if (!t) {
    t = MULTI_BYTE.has(label) ? multiByteTable(label) : singleByteTable(label);
    encoders.set(label, t);
  }
  return t;
}

/** The bytes of one character, decomposed when the code page has only the parts; null when it cannot be written. */
function encodeChar(table: Map<string, number[]>, ch: string): number[] | null {
  const direct = table.get(ch);
  if (direct) return direct;
  const parts = [...ch.normalize('NFD')];
  for (let take = parts.length - 1; take >= 1; take--) {
    const base = table.get(parts.slice(0, take).join('').normalize('NFC'));
    if (!base) continue;
    const marks = parts.slice(take).map((m) => table.get(m));
    if (marks.every(Boolean)) return [...base, ...marks.flat() as number[]];
  }
  return null;
}

/** `text` in the code page `label` (a WHATWG label), or null when a character has no bytes there. */
export function encodeText(text: string, label: string): Uint8Array | null {
  const table = tableOf(label);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const bytes = encodeChar(table, ch);
    if (!bytes) return null;
    for (const b of bytes) out.push(b);
  }
  return Uint8Array.from(out);
}
