/**
 * A seeded corpus of CRM-like CSV files in every legacy code page the product reads: names,
 * companies and cities in the script of the code page (a language drawn per file), 5 to 200 rows,
 * phone numbers in the first column. Each file comes with its text, so a decoder's result can be
 * checked. Same seed, same files.
 */
import { encodeText } from './encode-text.ts';
import type { Locale } from './locale.ts';
import { LATIN } from './names-latin.ts';
import { OTHER } from './names-other.ts';

const LOCALES: Record<string, Locale> = { ...LATIN, ...OTHER };

/** Each code page named by the product (DESIGN.md), with the languages its files are written in. */
export const CORPUS_CODE_PAGES: readonly { label: string; locales: string[] }[] = [
  { label: 'windows-1250', locales: ['pl', 'cs', 'hu', 'sk', 'hr', 'ro-cedilla'] },
  { label: 'windows-1251', locales: ['ru', 'bg', 'uk', 'sr'] },
  { label: 'windows-1252', locales: ['fr', 'fr-oe', 'de', 'es', 'pt', 'sv', 'is', 'fi'] },
  { label: 'windows-1253', locales: ['el'] },
  { label: 'windows-1254', locales: ['tr'] },
  { label: 'windows-1255', locales: ['he'] },
  { label: 'windows-1256', locales: ['ar'] },
  { label: 'windows-1257', locales: ['lt', 'lv', 'et'] },
  { label: 'windows-1258', locales: ['vi'] },
  { label: 'iso-8859-1', locales: ['fr', 'de', 'es', 'pt', 'sv', 'is'] },
  { label: 'iso-8859-2', locales: ['pl', 'cs', 'hu', 'sk', 'hr', 'ro-cedilla'] },
  { label: 'iso-8859-3', locales: ['mt'] },
  { label: 'iso-8859-4', locales: ['lt', 'lv', 'et'] },
  { label: 'iso-8859-5', locales: ['ru', 'bg', 'sr'] },
  { label: 'iso-8859-6', locales: ['ar'] },
  { label: 'iso-8859-7', locales: ['el'] },
  { label: 'iso-8859-8', locales: ['he'] },
  { label: 'iso-8859-9', locales: ['tr'] },
  { label: 'iso-8859-10', locales: ['se', 'is'] },
  { label: 'iso-8859-11', locales: ['th'] },
  { label: 'iso-8859-13', locales: ['lt', 'lv', 'pl'] },
  { label: 'iso-8859-14', locales: ['cy'] },
  { label: 'iso-8859-15', locales: ['fr-oe', 'fi', 'et'] },
  { label: 'koi8-r', locales: ['ru', 'bg'] },
  { label: 'koi8-u', locales: ['uk'] },
  { label: 'shift_jis', locales: ['ja'] },
  { label: 'euc-jp', locales: ['ja'] },
  { label: 'gbk', locales: ['zh-hans'] },
  { label: 'gb18030', locales: ['zh-hans'] },
  { label: 'big5', locales: ['zh-hant'] },
  { label: 'euc-kr', locales: ['ko'] },
  { label: 'windows-874', locales: ['th'] },
];

export const CORPUS_ROW_COUNTS = [5, 10, 20, 50, 100, 200] as const;

export interface CorpusFile {
  /** The label the file was written with (e.g. iso-8859-1), and its WHATWG name (windows-1252). */
  label: string;
  encoding: string;
  locale: string;
  rows: number;
  /** The CSV as meant (NFC). */
  text: string;
  bytes: Uint8Array;
  /** Each data row's cells, as meant. */
  cells: string[][];
}

export const CORPUS_HEADER = ['phone_number', 'customer_name', 'company', 'city'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Upper-cases a surname the way CRMs export them (Turkish i/ı kept apart). */
function upper(s: string, locale: string): string {
  if (locale === 'tr') return s.replace(/i/g, 'İ').replace(/ı/g, 'I').toUpperCase();
  return s.toUpperCase();
}

/** One file: `rows` data rows of `locale` written in `label`. Values the code page cannot write are drawn again. */
export function corpusFile(label: string, locale: string, rows: number, seed: number): CorpusFile {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const loc = LOCALES[locale]!;
  const writable = (s: string) => encodeText(s, label) !== null;
  const draw = (xs: string[]) => {
    for (let i = 0; i < 50; i++) {
      const v = pick(xs);
      if (writable(v)) return v;
    }
    throw new Error(`${locale} has no value ${label} can write`);
  };
  const cells: string[][] = [];
  const base = Math.floor(rand() * 700);
  for (let i = 0; i < rows; i++) {
    let last = draw(loc.last);
    const first = draw(loc.first);
    if (!loc.joined && rand() < 0.1) last = upper(last, locale);
    const sep = loc.joined ? '' : ' ';
    const name = loc.familyFirst ? `${last}${sep}${first}` : `${first}${sep}${last}`;
    let company = draw(loc.company).replace('{last}', draw(loc.last));
    if (!writable(company)) company = '';
    if (rand() < 0.1) company = '';
    const n = base * 1000 + i;
    const phone = `+1 415-${200 + Math.floor(n / 10000) % 800}-${String(n % 10000).padStart(4, '0')}`;
    cells.push([phone, name, company, draw(loc.city)]);
  }
  const newline = rand() < 0.5 ? '\r\n' : '\n';
  const text = [CORPUS_HEADER, ...cells].map((r) => r.map(csvCell).join(',')).join(newline) + newline;
  const bytes = encodeText(text, label);
  if (!bytes) throw new Error(`corpus: ${locale} text not writable in ${label}`);
  return { label, encoding: new TextDecoder(label).encoding, locale, rows, text, bytes, cells };
}

/** `perSize` files for every code page and row count (CORPUS_ROW_COUNTS), languages taken in turn. */
export function encodingCorpus(opts: { seed?: number; perSize?: number; rowCounts?: readonly number[]; labels?: string[] } = {}): CorpusFile[] {
  const seed = opts.seed ?? 2026;
  const perSize = opts.perSize ?? 4;
  const out: CorpusFile[] = [];
  let k = 0;
  for (const cp of CORPUS_CODE_PAGES) {
    if (opts.labels && !opts.labels.includes(cp.label)) continue;
    for (const rows of opts.rowCounts ?? CORPUS_ROW_COUNTS) {
      for (let i = 0; i < perSize; i++) {
        const locale = cp.locales[(i + rows) % cp.locales.length]!;
        out.push(corpusFile(cp.label, locale, rows, seed * 7919 + k++));
      }
    }
  }
  return out;
}
