/** CSV text to header + data rows, incrementally over papaparse's raw parser: pieces of any size in, complete records out. */
import Papa from 'papaparse';
import { LIMITS } from '../limits.ts';
import type { SourceRow } from '../types.ts';
import { decodeAll } from './decode.ts';
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';
import { findNewline, guessDelimiter, type Newline } from './csv-sniff.ts';
import { createCsvRecords, type CsvRecords, type HeaderPick } from './csv-records.ts';

export { CSV_DELIMITERS } from './csv-sniff.ts';
export { HEADER_SCAN_MAX_RECORDS, type HeaderPick } from './csv-records.ts';

/** Characters looked at to choose the delimiter (and buffered before the first record is returned). */
const SAMPLE_CHARS = 64 * 1024;
/** Piece size readCsvText feeds the stream with. */
const PIECE_CHARS = 1024 * 1024;

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

/** The limits in force, defaults filled in. */
function limitsOf(opts: CsvOptions) {
  const maxCellLength = opts.maxCellLength ?? LIMITS.maxCellLength;
  const maxColumns = opts.maxColumns ?? LIMITS.maxColumns;
  return {
    maxCellLength,
    maxColumns,
    maxRows: opts.maxRows ?? LIMITS.maxRows,
    maxRecordLength: opts.maxRecordLength ?? maxColumns * (2 * maxCellLength + 3),
    sampleChars: opts.sampleChars ?? SAMPLE_CHARS,
  };
}

/**
 * Streams CSV text into SourceRows. The first non-blank record is the header; every later record
 * counts toward `row` (1-based), blank ones are skipped. Cells are the text as written (never
 * typed, never trimmed) except that the report's formula neutraliser `'` is removed. Any split of
 * the text into pieces yields exactly the same rows and errors as one piece.
 */
export function createCsvStream(opts: CsvOptions = {}): CsvStream {
  const limits = limitsOf(opts);
  if (opts.delimiter !== undefined && (opts.delimiter === '' || Papa.BAD_DELIMITERS.includes(opts.delimiter))) {
    throw new TypeError(`Unusable CSV delimiter ${JSON.stringify(opts.delimiter)}`);
  }
  const records = createCsvRecords(limits, opts.header);
  const tooLong = () => recordTooLong(records.headers === null ? 'The header row' : `Row ${records.records + 1}`, limits.maxRecordLength);
  let layout: Layout | null = null;
  let started = false;
  /** Text held until the delimiter and line ending are known. */
  let head = '';
  /** The start of a record whose end has not arrived yet. */
  let partial = '';
  let emitted = 0;
  let ended = false;

  function feed(text: string, final: boolean): SourceRow[] {
    const parsed = parsePiece(layout!, partial + text, final, records, limits.maxRecordLength, tooLong);
    partial = parsed.partial;
    emitted += parsed.rows.length;
    return parsed.rows;
  }

  return {
    push(text: string): SourceRow[] {
      if (ended) throw new Error('CSV stream: push() after end()');
      if (!started) {
        if (text.length === 0) return [];
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (layout === null) {
        head += text;
        layout = detectLayout(head, false, opts.delimiter, limits, tooLong);
        if (layout === null) return [];
        text = head;
        head = '';
      }
      return feed(text, false);
    },
    end(): SourceRow[] {
      if (ended) return [];
      ended = true;
      let text = '';
      if (layout === null) {
        layout = detectLayout(head, true, opts.delimiter, limits, tooLong);
        text = head;
        head = '';
      }
      const rows = feed(text, true);
      const before = rows.length;
      records.finish(rows);
      emitted += rows.length - before;
      if (records.headers === null) {
        throw new FileReadError(FILE_ERRORS.empty());
      }
      if (emitted === 0) {
        throw new FileReadError(FILE_ERRORS.noDataRows());
      }
      return rows;
    },
    get delimiter() {
      return layout === null ? null : layout.delimiter;
    },
    get newline() {
      return layout === null ? null : layout.newline;
    },
    get headers() {
      return records.headers;
    },
    get recordsRead() {
      return records.records;
    },
  };
}

/** The text's delimiter and line ending, and the parser set up for them. */
interface Layout {
  delimiter: string;
  newline: Newline;
  parser: Papa.Parser;
}

/** The layout once enough of the text's start (`head`) has been seen to tell it (the whole text when `final`); null until then. */
function detectLayout(head: string, final: boolean, given: string | undefined, limits: ReturnType<typeof limitsOf>, tooLong: () => FileReadError): Layout | null {
  const { sampleChars, maxRecordLength } = limits;
  if (!final && head.length < sampleChars) return null;
  const { index, newline } = findNewline(head, final);
  // The first line must end within the record limit (decided alike however the text is split).
  if (index > maxRecordLength || (index < 0 && head.length > maxRecordLength)) throw tooLong();
  if (newline === null) return null;
  const delimiter = given ?? guessDelimiter(head.slice(0, sampleChars), newline, final && head.length < sampleChars);
  return { delimiter, newline, parser: new Papa.Parser({ delimiter, newline, quoteChar: '"' }) };
}

/** Parses `input` (the unfinished record held back, then the new text): the data rows it completes, and the start of a record not ended yet. */
function parsePiece(
  layout: Layout,
  input: string,
  final: boolean,
  records: CsvRecords,
  maxRecordLength: number,
  tooLong: () => FileReadError,
): { rows: SourceRow[]; partial: string } {
  const result = layout.parser.parse(input, 0, !final) as {
    data: string[][];
    errors: { code: string }[];
    meta: { cursor: number };
  };
  const partial = final ? '' : input.slice(result.meta.cursor);
  const rows: SourceRow[] = [];
  const data = result.data;
  const unclosed = final && result.errors.some((e) => e.code === 'MissingQuotes');
  // Only text longer than the limit can hold a record longer than the limit: measure each then.
  const lengths = (final ? input.length : result.meta.cursor) > maxRecordLength ? recordLengths(input, final, layout.delimiter, layout.newline) : null;
  for (let i = 0; i < data.length; i++) {
    const length = lengths?.[i];
    if (length !== undefined && length > maxRecordLength) throw tooLong();
    try {
      records.take(data[i]!, rows);
    } catch (e) {
      // A limit broken by the last record of a file with an unclosed quote: the quote is the cause.
      if (!(unclosed && i === data.length - 1)) throw e;
    }
  }
  if (unclosed) throw unclosedQuote(records.records);
  if (partial.length > maxRecordLength) throw tooLong();
  return { rows, partial };
}

/** The length as written of each record papaparse returns for this input (a second, slower pass). */
function recordLengths(input: string, final: boolean, delimiter: string, newline: Newline): number[] {
  const lengths: number[] = [];
  let previous = 0;
  const step = (r: { meta: { cursor: number } }) => {
    lengths.push(r.meta.cursor - previous);
    previous = r.meta.cursor;
  };
  new Papa.Parser({ delimiter, newline, quoteChar: '"', step } as Papa.ParseConfig).parse(input, 0, !final);
  return lengths;
}

function recordTooLong(where: string, maxRecordLength: number): FileReadError {
  return new FileReadError(FILE_ERRORS.recordTooLong(where, maxRecordLength));
}

/** `records`: the data records read before the quote's (0 when it opens in the header). */
function unclosedQuote(records: number): FileReadError {
  return new FileReadError(FILE_ERRORS.unclosedQuote(records));
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
