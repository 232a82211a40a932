/**
 * Letter models of the languages in letter-frequencies.ts: every letter gets an id, and each
 * language a table of log-probabilities over the ids (a–z included for Latin-script languages,
 * a small floor for letters the language does not use, so a few foreign names cost little).
 * The detector scores a candidate decoding by its best language.
 */
import { LANGUAGES, LATIN_ASCII } from './letter-frequencies.ts';

/** Probability mass kept for letters a language does not list. */
const FOREIGN = 0.02;

export interface LanguageModels {
  /** The id of a (case-folded) letter, or -1 when no language lists it. */
  idOf(letter: string): number;
  /** Number of ids. */
  readonly size: number;
  /** Per language, log p(letter id); unknown letters (id -1) take `unknown`. */
  readonly tables: Float64Array[];
  readonly names: string[];
  readonly unknown: number;
  /**
   * Per language, log p of a–z in words of plain ASCII: a Latin-script language's own shares; for
   * the others the generic ones (a Cyrillic or Arabic list has English headers, e-mails and brands).
   */
  readonly asciiWords: Float64Array[];
}

function parse(spec: string): [string, number][] {
  return spec.split(' ').map((item) => {
    const m = /^([^\d.]+)([\d.]+)$/u.exec(item);
    if (!m) throw new Error(`letter-frequencies: bad item ${item}`);
    return [m[1]!, Number(m[2])];
  });
}

let models: LanguageModels | null = null;

export function languageModels(): LanguageModels {
  if (models) return models;
  const ids = new Map<string, number>();
  const id = (letter: string) => {
    let i = ids.get(letter);
    if (i === undefined) ids.set(letter, (i = ids.size));
    return i;
  };
  const ascii = parse(LATIN_ASCII);
  for (const [l] of ascii) id(l);
  const specs = Object.entries(LANGUAGES).map(([name, lang]) => {
    const letters = parse(lang.letters);
    for (const [l] of letters) id(l);
    return { name, script: lang.script, letters, rare: lang.rare ?? '' };
  });
  const size = ids.size;
  const floor = FOREIGN / size;
  const generic = new Float64Array(26);
  const genericTotal = ascii.reduce((sum, [, f]) => sum + f, 0);
  for (const [l, f] of ascii) generic[l.charCodeAt(0) - 0x61] = Math.log(f / genericTotal);
  const asciiWords: Float64Array[] = [];
  const tables = specs.map(({ script, letters, rare }) => {
    const p = new Float64Array(size).fill(floor);
    const own = letters.reduce((s, [, f]) => s + f, 0);
    if (script === 'Latin') {
      // The listed letters at their own share; a–z share the rest.
      const rest = Math.max(0, 100 - own) / 100;
      const shares = ascii.map(([l, f]) => [l, rare.includes(l) ? f / 20 : f] as const);
      const total = shares.reduce((sum, [, f]) => sum + f, 0);
      for (const [l, f] of shares) p[ids.get(l)!] = (1 - FOREIGN) * rest * (f / total) + floor;
      for (const [l, f] of letters) p[ids.get(l)!] = (1 - FOREIGN) * (f / 100) + floor;
    } else {
      for (const [l, f] of letters) p[ids.get(l)!] = (1 - FOREIGN) * (f / own) + floor;
    }
    const logp = p.map(Math.log);
    asciiWords.push(script === 'Latin' ? Float64Array.from({ length: 26 }, (_, i) => logp[ids.get(String.fromCharCode(0x61 + i))!]!) : generic);
    return logp;
  });
  models = {
    idOf: (letter) => ids.get(letter) ?? -1,
    size,
    tables,
    names: specs.map((s) => s.name),
    unknown: Math.log(floor / 4),
    asciiWords,
  };
  return models;
}

/** Case-folds a letter for the models (Turkish İ keeps its own entry). */
export function foldLetter(ch: string): string {
  return ch === 'İ' ? ch : ch.toLowerCase();
}
