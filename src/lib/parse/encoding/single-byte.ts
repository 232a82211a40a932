/**
 * Scores the single-byte code pages on a file's head: every candidate reads the words that hold
 * bytes above 0x7F, and a reading scores well when those words are made of letters of one script,
 * cased as names are (Müller, MÜLLER, not mÜLLER), without control characters or stray symbols,
 * and with letters as frequent as in some language (language-model.ts). The score is a
 * log-likelihood: the difference between two candidates says how much likelier one reading is.
 */
import { CharClass, Script, classify, scriptOf } from './char-class.ts';
import { foldLetter, languageModels } from './language-model.ts';
import type { Evidence } from './evidence.ts';

/** The single-byte code pages the detector weighs, in order of preference when two read a file alike. */
export const SINGLE_BYTE_CANDIDATES = [
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'windows-874',
  'iso-8859-15',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-6',
  'iso-8859-13',
  'iso-8859-4',
  'iso-8859-10',
  'iso-8859-3',
  'iso-8859-14',
  'koi8-r',
  'koi8-u',
] as const;

interface Table {
  name: string;
  chars: string[];
  classes: Uint8Array;
  scripts: Uint8Array;
  /** Letter-model id of each byte's (case-folded) letter or mark; -1 for others. */
  letterIds: Int32Array;
  /** Where in a word each byte's letter may stand (Place). */
  places: Uint8Array;
  /** The language-model cost of each byte that is not a letter (NON_LETTER). */
  nonLetter: Float64Array;
}

/** Letters bound to a place in the word: ð ß ы ь ъ never start one, Icelandic þ starts one, final forms end one. */
const Place = { Any: 0, NotFirst: 1, First: 2, Last: 3 } as const;
const NOT_FIRST = 'ðßыьъ';
const FIRST = 'þ';
const LAST = 'ςךםןףץ';

function placeOf(ch: string): number {
  const lower = ch.toLowerCase();
  if (NOT_FIRST.includes(lower)) return Place.NotFirst;
  if (FIRST.includes(lower)) return Place.First;
  if (LAST.includes(ch)) return Place.Last;
  return Place.Any;
}

function isLetterByte(t: Table, b: number): boolean {
  if (b < 0x80) return true; // words hold only letters and high bytes
  const c = t.classes[b - 0x80]!;
  return c >= CharClass.Lower && c <= CharClass.Mark;
}

const ASCII_IDS = new Int32Array(128).fill(-1);
let tables: Table[] | null = null;

function buildTables(): Table[] {
  const lm = languageModels();
  for (let b = 0x41; b <= 0x7a; b++) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z]/.test(ch)) ASCII_IDS[b] = lm.idOf(ch.toLowerCase());
  }
  const high = Uint8Array.from({ length: 128 }, (_, i) => i + 0x80);
  return SINGLE_BYTE_CANDIDATES.map((name) => {
    const text = new TextDecoder(name).decode(high);
    const chars = [...text];
    if (chars.length !== 128) throw new Error(`${name}: not a single-byte code page here`);
    const classes = new Uint8Array(128);
    const scripts = new Uint8Array(128);
    const letterIds = new Int32Array(128).fill(-1);
    const places = new Uint8Array(128);
    const nonLetter = new Float64Array(128);
    chars.forEach((ch, i) => {
      classes[i] = classify(ch);
      scripts[i] = scriptOf(ch);
      places[i] = placeOf(ch);
      nonLetter[i] = NON_LETTER[classes[i]!] ?? 0;
      if (classes[i]! <= CharClass.Mark) letterIds[i] = lm.idOf(foldLetter(ch));
    });
    return { name, chars, classes, scripts, letterIds, places, nonLetter };
  });
}

export interface SingleByteScore {
  name: string;
  score: number;
  /** The best-fitting language of the letters (letter-frequencies.ts). */
  language: string;
  /** The part of `score` that is not the language model: penalties for what letters and words cannot be. */
  structure: number;
}

/** Penalties (log-likelihood, per occurrence). */
const P = {
  impossible: -14,
  symbolInside: -9,
  symbolEdge: -7,
  symbolAlone: -3,
  commonSymbolInside: -8,
  commonSymbolEdge: -5,
  commonSymbolAlone: -1,
  misplaced: -4,
  punctuationInside: -5,
  punctuationEdge: -0.5,
  apostropheEdge: -1,
  apostropheStart: -4,
  strayMark: -8,
  caseBreak: -4,
  longLatinRun: -2,
  mostlyAccented: -3,
  mixedScripts: -10,
  spaceInside: -4,
} as const;

/**
 * What a character other than a letter costs on top of its penalty: about what an unlikely letter
 * costs in the language models, so a reading cannot win by turning letters into symbols.
 */
const NON_LETTER: Partial<Record<number, number>> = {
  [CharClass.Apostrophe]: -5,
  [CharClass.Punctuation]: -5,
  [CharClass.CommonSymbol]: -5,
  [CharClass.Space]: -5,
  [CharClass.Symbol]: -9,
  [CharClass.Impossible]: -9,
};

/** Scores one word in one table; letter ids are added to `counts` (weighted by `count`). */
function scoreWord(t: Table, bytes: Uint8Array, count: number, counts: Float64Array): number {
  let score = 0;
  let scripts = 0;
  let prevClass = 0;
  let prevLower = false;
  let run = 0;
  let letters = 0;
  let accented = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      scripts |= Script.Latin;
      counts[ASCII_IDS[b]!]! += count;
      const lower = b >= 0x61;
      if (lower === false && prevLower && i > 0 && bytes[i - 1]! >= 0x80) score += P.caseBreak;
      prevLower = lower;
      prevClass = lower ? CharClass.Lower : CharClass.Upper;
      run = 0;
      letters++;
      continue;
    }
    const k = b - 0x80;
    const cls = t.classes[k]!;
    const alone = n === 1;
    const edge = i === 0 || i === n - 1;
    switch (cls) {
      case CharClass.Impossible:
        score += P.impossible;
        break;
      case CharClass.Symbol:
        score += alone ? P.symbolAlone : edge ? P.symbolEdge : P.symbolInside;
        break;
      case CharClass.CommonSymbol:
        score += alone ? P.commonSymbolAlone : edge ? P.commonSymbolEdge : P.commonSymbolInside;
        break;
      case CharClass.Punctuation:
        score += edge ? P.punctuationEdge : P.punctuationInside;
        break;
      case CharClass.Apostrophe:
        // O’Brien, Jones’: an apostrophe starts a word only rarely (’s).
        if (i === 0 && n > 1) score += P.apostropheStart;
        else if (edge) score += P.apostropheEdge;
        break;
      case CharClass.Space:
        if (!edge) score += P.spaceInside;
        break;
      case CharClass.Mark:
        if (prevClass < CharClass.Lower || prevClass > CharClass.Mark) score += P.strayMark;
        break;
      default: {
        const script = t.scripts[k]!;
        scripts |= script;
        letters++;
        if (script === Script.Latin) {
          accented++;
          if (++run > 2) score += P.longLatinRun;
        } else run = 0;
        if (cls === CharClass.Upper && prevLower) score += P.caseBreak;
        prevLower = cls === CharClass.Lower;
        const place = t.places[k]!;
        if (place !== 0) {
          const first = prevClass === 0 || prevClass > CharClass.Mark;
          if (place === Place.NotFirst && first) score += P.misplaced;
          else if (place === Place.First && !first) score += P.misplaced;
          else if (place === Place.Last && i + 1 < n && isLetterByte(t, bytes[i + 1]!)) score += P.misplaced;
        }
      }
    }
    // Kept apart from the penalties: it belongs to the language model's part of the score.
    counts[counts.length - 1]! += t.nonLetter[k]! * count;
    const id = t.letterIds[k]!;
    if (id >= 0) counts[id]! += count;
    else if (cls <= CharClass.Mark) counts[counts.length - 2]! += count; // a letter no language model lists
    prevClass = cls;
    if (cls > CharClass.Mark) {
      run = 0;
      prevLower = false;
    }
  }
  if (letters >= 3 && accented * 2 > letters) score += P.mostlyAccented;
  // Two scripts in one word: Latin letters beside Cyrillic or Greek ones are a wrong reading.
  const s = scripts & ~Script.None;
  if (s & (s - 1)) score += P.mixedScripts;
  return score * count;
}

/** Scores every single-byte candidate on the evidence words of a head. */
export function scoreSingleByte({ words, ascii }: Evidence): SingleByteScore[] {
  tables ??= buildTables();
  const lm = languageModels();
  // Two more slots: letters no language lists, and the cost of characters that are not letters.
  const counts = new Float64Array(lm.size + 2);
  return tables.map((t) => {
    counts.fill(0);
    let structure = 0;
    for (const { bytes, count } of words.values()) structure += scoreWord(t, bytes, count, counts);
    let best = -Infinity;
    let language = '';
    lm.tables.forEach((logp, li) => {
      let sum = 0;
      for (let id = 0; id < lm.size; id++) if (counts[id]) sum += counts[id]! * logp[id]!;
      sum += counts[lm.size]! * lm.unknown + counts[lm.size + 1]!;
      const words = lm.asciiWords[li]!;
      for (let i = 0; i < 26; i++) if (ascii[i]) sum += ascii[i]! * words[i]!;
      if (sum > best) {
        best = sum;
        language = lm.names[li]!;
      }
    });
    return { name: t.name, score: structure + best, language, structure };
  });
}

/** Whether two candidates read every byte above 0x7F present in `present` alike. */
export function sameReading(a: string, b: string, present: Uint8Array): boolean {
  tables ??= buildTables();
  const ta = tables.find((t) => t.name === a)!;
  const tb = tables.find((t) => t.name === b)!;
  for (let k = 0; k < 128; k++) if (present[k] && ta.chars[k] !== tb.chars[k]) return false;
  return true;
}
