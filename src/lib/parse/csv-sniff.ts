/** How a CSV text is laid out, told from its first characters: the line ending and the delimiter. */
import Papa from 'papaparse';
import { isBlank } from './csv-records.ts';

/** Delimiters recognised when none is given, in papaparse's order of preference on a tie. */
export const CSV_DELIMITERS = [',', '\t', '|', ';'] as const;
/** Records of the sample compared when guessing the delimiter. */
const SAMPLE_RECORDS = 10;

export type Newline = '\r\n' | '\n' | '\r';

/**
 * The first line ending outside quotes: its index (-1 if none yet) and kind (null while more text
 * is needed to tell). A quote opens a field only at the start of a field (after a candidate
 * delimiter or at the start), as in papaparse.
 */
export function findNewline(text: string, final: boolean): { index: number; newline: Newline | null } {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
    } else if (c === 34) {
      const prev = i === 0 ? -1 : text.charCodeAt(i - 1);
      if (prev === -1 || prev === 44 || prev === 59 || prev === 9 || prev === 124) quoted = true;
    } else if (c === 10) {
      return { index: i, newline: '\n' };
    } else if (c === 13) {
      if (i + 1 < text.length) return { index: i, newline: text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r' };
      return { index: i, newline: final ? '\r' : null };
    }
  }
  return { index: -1, newline: final ? '\n' : null };
}

interface DelimiterScore {
  delimiter: string;
  /** No malformed quotes in the sample's complete records when split this way. */
  clean: boolean;
  delta: number;
  /** Non-blank records: fewer than another candidate's means quotes joined lines. */
  records: number;
  average: number;
  headerWidth: number;
}

/**
 * papaparse's guess over the sample's complete records: the candidate whose field count varies
 * least (ties go to more records, then more fields) among those giving about two fields or more, preferring
 * candidates under which every quote is well formed; if none qualifies, the one splitting the
 * header into the most fields; `,` when nothing splits it.
 */
export function guessDelimiter(sample: string, newline: Newline, whole: boolean): string {
  const scores = CSV_DELIMITERS.map((d) => scoreDelimiter(sample, newline, whole, d));
  const consistent = (list: DelimiterScore[]) => {
    let best: DelimiterScore | null = null;
    for (const s of list) {
      if (s.average > 1.99 && (!best || s.delta < best.delta || (s.delta === best.delta && (s.records > best.records || (s.records === best.records && s.average > best.average))))) {
        best = s;
      }
    }
    return best;
  };
  const widest = (list: DelimiterScore[]) => {
    let best: DelimiterScore | null = null;
    for (const s of list) if (s.headerWidth > (best?.headerWidth ?? 1)) best = s;
    return best;
  };
  const clean = scores.filter((s) => s.clean);
  return (consistent(clean) ?? consistent(scores) ?? widest(clean) ?? widest(scores))?.delimiter ?? ',';
}

function scoreDelimiter(sample: string, newline: Newline, whole: boolean, delimiter: string): DelimiterScore {
  type Result = { data: string[][]; errors: { type: string; row?: number }[] };
  let result = new Papa.Parser({ delimiter, newline, quoteChar: '"', preview: SAMPLE_RECORDS }).parse(sample, 0, !whole) as Result;
  if (result.data.length === 0) result = new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(sample, 0, false) as Result;
  const records = result.data.slice(0, SAMPLE_RECORDS);
  const clean = !result.errors.some((e) => e.type === 'Quotes' && (e.row ?? 0) < records.length);
  let delta = 0;
  let total = 0;
  let counted = 0;
  let previous = -1;
  let headerWidth = 0;
  for (const record of records) {
    if (isBlank(record)) continue;
    if (counted === 0) headerWidth = record.length;
    counted++;
    total += record.length;
    if (previous >= 0) delta += Math.abs(record.length - previous);
    previous = record.length;
  }
  return { delimiter, clean, delta, records: counted, average: counted ? total / counted : 0, headerWidth };
}
