/** CSV text to header + data rows, incrementally over papaparse's raw parser: pieces of any size in, complete records out. */
import Papa from 'papaparse';
import { LIMITS } from '../limits.ts';
import type { SourceRow } from '../types.ts';
import { stripNeutraliser } from '../report/csv-cell.ts';
import { decodeAll } from './decode.ts';
import { FileReadError, formatCount } from './errors.ts';

/** Delimiters recognised when none is given, in papaparse's order of preference on a tie. */
export const CSV_DELIMITERS = [',', '\t', '|', ';'] as const;
/** Characters looked at to choose the delimiter (and buffered before the first record is returned). */
const SAMPLE_CHARS = 64 * 1024;
/** Piece size readCsvText feeds the stream with. */
const PIECE_CHARS = 1024 * 1024;
/** Records of the sample compared when guessing the delimiter. */
const SAMPLE_RECORDS = 10;

export interface CsvOptions {
  /** The delimiter; guessed among `, \t | ;` from the first 64 K characters when absent. */
  delimiter?: string;
  maxCellLength?: number;
  maxColumns?: number;
  maxRows?: number;
  /** Longest record in characters as written (quotes, delimiters, line break included); default fits maxColumns quoted cells of maxCellLength. */
  maxRecordLength?: number;
  /** Testing only: the delimiter sample size. */
  sampleChars?: number;
  /** How the header row is chosen; without it, the first non-blank record is the header. */
  header?: HeaderPick;
}

/**
 * Chooses the header among the first records of a file (a title line or a blank line may come
 * before it). Records above the header are skipped and not counted as data rows.
 */
export interface HeaderPick {
  /** Non-blank records gathered before choosing (fewer when the file ends first). */
  nonBlankRows: number;
  /** Records gathered at least, blank ones counted: for a header named by its file row. */
  minRows?: number;
  /** Index of the header among the gathered records (blank ones included, so index + 1 is the file row). */
  choose(records: string[][]): number;
}

/** Records gathered at most while looking for the header (blank lines included). */
export const HEADER_SCAN_MAX_RECORDS = 1_000;

export interface CsvStream {
  /** Parses one more piece of text; returns the data rows completed by it (blank records are not returned). */
  push(text: string): SourceRow[];
  /** Parses what is left. Throws FILE_EMPTY when there is no header, or a header but no data row. */
  end(): SourceRow[];
  /** The delimiter in use; null until enough text has been seen to choose it. */
  readonly delimiter: string | null;
  /** The line ending in use (`\r\n`, `\n` or `\r`); null until seen. */
  readonly newline: string | null;
  /** The header row, trimmed, without trailing empty names; null until read. */
  readonly headers: string[] | null;
  /** Data records read so far, blank ones included: the `row` of the last one. */
  readonly recordsRead: number;
}

export interface CsvText {
  headers: string[];
  rows: SourceRow[];
  delimiter: string;
}

type Newline = '\r\n' | '\n' | '\r';

/**
 * Streams CSV text into SourceRows. The first non-blank record is the header; every later record
 * counts toward `row` (1-based), blank ones are skipped. Cells are the text as written (never
 * typed, never trimmed) except that the report's formula neutraliser `'` is removed. Any split of
 * the text into pieces yields exactly the same rows and errors as one piece.
 */
export function createCsvStream(opts: CsvOptions = {}): CsvStream {
  const maxCellLength = opts.maxCellLength ?? LIMITS.maxCellLength;
  const maxColumns = opts.maxColumns ?? LIMITS.maxColumns;
  const maxRows = opts.maxRows ?? LIMITS.maxRows;
  const maxRecordLength = opts.maxRecordLength ?? maxColumns * (2 * maxCellLength + 3);
  const sampleChars = opts.sampleChars ?? SAMPLE_CHARS;
  if (opts.delimiter !== undefined && (opts.delimiter === '' || Papa.BAD_DELIMITERS.includes(opts.delimiter))) {
    throw new TypeError(`Unusable CSV delimiter ${JSON.stringify(opts.delimiter)}`);
  }

  let delimiter: string | null = opts.delimiter ?? null;
  let newline: Newline | null = null;
  let parser: Papa.Parser | null = null;
  let started = false;
  /** Text held until the delimiter and line ending are known. */
  let head = '';
  /** The start of a record whose end has not arrived yet. */
  let partial = '';
  let headers: string[] | null = null;
  let records = 0;
  let emitted = 0;
  let ended = false;
  /** Records read while the header is being chosen (opts.header). */
  let scanned: string[][] | null = opts.header ? [] : null;
  let scannedNonBlank = 0;

  function detect(final: boolean): boolean {
    if (!final && head.length < sampleChars) return false;
    const { index, newline: nl } = findNewline(head, final);
    // The first line must end within the record limit (decided alike however the text is split).
    if (index > maxRecordLength || (index < 0 && head.length > maxRecordLength)) throw recordTooLong();
    if (nl === null) return false;
    newline = nl;
    delimiter ??= guessDelimiter(head.slice(0, sampleChars), nl, final && head.length < sampleChars);
    parser = new Papa.Parser({ delimiter, newline: nl, quoteChar: '"' });
    return true;
  }

  function feed(text: string, final: boolean): SourceRow[] {
    const input = partial + text;
    const result = (parser as Papa.Parser).parse(input, 0, !final) as {
      data: string[][];
      errors: { code: string }[];
      meta: { cursor: number };
    };
    partial = final ? '' : input.slice(result.meta.cursor);
    const out: SourceRow[] = [];
    const data = result.data;
    const unclosed = final && result.errors.some((e) => e.code === 'MissingQuotes');
    // Only text longer than the limit can hold a record longer than the limit: measure each then.
    const lengths = (final ? input.length : result.meta.cursor) > maxRecordLength ? recordLengths(input, final) : null;
    for (let i = 0; i < data.length; i++) {
      const length = lengths?.[i];
      if (length !== undefined && length > maxRecordLength) throw recordTooLong();
      try {
        take(data[i]!, out);
      } catch (e) {
        // A limit broken by the last record of a file with an unclosed quote: the quote is the cause.
        if (!(unclosed && i === data.length - 1)) throw e;
      }
    }
    if (unclosed) {
      throw new FileReadError(
        'FILE_CORRUPT',
        `${records === 0 ? 'The header row' : `Row ${records}`} opens a quote (") that is never closed, so everything after it would be one cell. Close the quote or remove it, then upload again.`,
      );
    }
    if (partial.length > maxRecordLength) throw recordTooLong();
    emitted += out.length;
    return out;
  }

  /** The length as written of each record papaparse returns for this input (a second, slower pass). */
  function recordLengths(input: string, final: boolean): number[] {
    const lengths: number[] = [];
    let previous = 0;
    const step = (r: { meta: { cursor: number } }) => {
      lengths.push(r.meta.cursor - previous);
      previous = r.meta.cursor;
    };
    new Papa.Parser({ delimiter: delimiter as string, newline: newline as Newline, quoteChar: '"', step } as Papa.ParseConfig).parse(input, 0, !final);
    return lengths;
  }

  function recordTooLong(): FileReadError {
    const where = headers === null ? 'The header row' : `Row ${records + 1}`;
    return new FileReadError(
      'FILE_TOO_LARGE',
      `${where} is longer than ${formatCount(maxRecordLength)} characters and has not ended. Usually a quote (") is never closed, or the file is not CSV; check that row and upload again.`,
    );
  }

  /** Takes one record: the header while there is none, else a data row (blank ones only counted). */
  function take(cells: string[], out: SourceRow[]): void {
    for (let i = 0; i < cells.length; i++) cells[i] = stripNeutraliser(cells[i]!);
    takeRecord(cells, out);
  }

  function takeRecord(cells: string[], out: SourceRow[]): void {
    if (scanned !== null && opts.header) {
      scanned.push(cells);
      if (!isBlank(cells)) scannedNonBlank++;
      const enough = scannedNonBlank >= opts.header.nonBlankRows && scanned.length >= (opts.header.minRows ?? 0);
      if (enough || scanned.length >= HEADER_SCAN_MAX_RECORDS) chooseHeader(out);
      return;
    }
    if (headers === null) {
      if (isBlank(cells)) return;
      const names = cells.map((c) => c.trim());
      let n = names.length;
      while (n > 0 && names[n - 1] === '') n--;
      if (n > maxColumns) {
        throw new FileReadError('TOO_MANY_COLUMNS', `The header row has ${formatCount(n)} columns; at most ${formatCount(maxColumns)} are allowed. Remove the columns you don't need and upload again.`);
      }
      names.length = n;
      const long = names.findIndex((h) => h.length > maxCellLength);
      if (long >= 0) throw cellTooLong('the header row', long);
      headers = names;
      return;
    }
    const row = ++records;
    if (isBlank(cells)) return;
    if (row > maxRows) {
      throw new FileReadError('TOO_MANY_ROWS', `The file has more than ${formatCount(maxRows)} data rows (the limit). Split it into smaller files and import each one.`);
    }
    const width = headers.length;
    let n = cells.length;
    while (n > width && isBlankCell(cells[n - 1]!)) n--;
    if (n > maxColumns) {
      throw new FileReadError('TOO_MANY_COLUMNS', `Row ${row} has ${formatCount(n)} columns; at most ${formatCount(maxColumns)} are allowed. Check the delimiters in that row.`);
    }
    for (let i = 0; i < n; i++) if (cells[i]!.length > maxCellLength) throw cellTooLong(`row ${row}`, i);
    cells.length = n;
    for (let i = n; i < width; i++) cells.push('');
    out.push({ row, cells });
  }

  /** The header chosen among the records gathered: the ones above it are dropped, the ones below become data rows. */
  function chooseHeader(out: SourceRow[]): void {
    const records = scanned!;
    scanned = null;
    if (records.length === 0) return;
    const index = opts.header!.choose(records);
    for (let i = Math.max(0, index); i < records.length; i++) takeRecord(records[i]!, out);
  }

  function cellTooLong(where: string, column: number): FileReadError {
    const name = headers?.[column] ? `"${headers[column]}"` : `number ${column + 1}`;
    return new FileReadError(
      'FILE_TOO_LARGE',
      `A cell in ${where}, column ${name}, is longer than ${formatCount(maxCellLength)} characters (the limit). Shorten it; if the row is not meant to be that long, a quote (") may be left open.`,
    );
  }

  return {
    push(text: string): SourceRow[] {
      if (ended) throw new Error('CSV stream: push() after end()');
      if (!started) {
        if (text.length === 0) return [];
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (parser === null) {
        head += text;
        if (!detect(false)) return [];
        text = head;
        head = '';
      }
      return feed(text, false);
    },
    end(): SourceRow[] {
      if (ended) return [];
      ended = true;
      let text = '';
      if (parser === null) {
        detect(true);
        text = head;
        head = '';
      }
      const rows = feed(text, true);
      if (scanned !== null) {
        const before = rows.length;
        chooseHeader(rows);
        emitted += rows.length - before;
      }
      if (headers === null) {
        throw new FileReadError('FILE_EMPTY', 'The file is empty: it has no header row and no data rows.');
      }
      if (emitted === 0) {
        throw new FileReadError('FILE_EMPTY', 'The file has a header row but no data rows. Add at least one lead below the header and upload again.');
      }
      return rows;
    },
    get delimiter() {
      return parser === null ? null : delimiter;
    },
    get newline() {
      return newline;
    },
    get headers() {
      return headers;
    },
    get recordsRead() {
      return records;
    },
  };
}

/** Reads a whole CSV text at once (same rules as createCsvStream). */
export function readCsvText(text: string, opts?: CsvOptions): CsvText {
  const stream = createCsvStream(opts);
  const rows: SourceRow[] = [];
  // Pieces of 1 MiB: any split gives the same rows, and pieces under the record limit are checked cheaply.
  for (let i = 0; i < text.length; i += PIECE_CHARS) {
    for (const row of stream.push(text.slice(i, i + PIECE_CHARS))) rows.push(row);
  }
  for (const row of stream.end()) rows.push(row);
  return { headers: stream.headers as string[], rows, delimiter: stream.delimiter as string };
}

/** Reads a whole CSV file's bytes (encoding detected as in decode.ts). */
export function readCsvBytes(bytes: Uint8Array, opts?: CsvOptions): CsvText {
  return readCsvText(decodeAll(bytes), opts);
}

function isBlankCell(cell: string): boolean {
  return cell.length === 0 || cell.trim().length === 0;
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (!isBlankCell(c)) return false;
  return true;
}

/**
 * The first line ending outside quotes: its index (-1 if none yet) and kind (null while more text
 * is needed to tell). A quote opens a field only at the start of a field (after a candidate
 * delimiter or at the start), as in papaparse.
 */
function findNewline(text: string, final: boolean): { index: number; newline: Newline | null } {
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
function guessDelimiter(sample: string, newline: Newline, whole: boolean): string {
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
