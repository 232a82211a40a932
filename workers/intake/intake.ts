/**
 * The one intake of an uploaded file, for every raw-file route (headless imports, multipart
 * uploads, suppression lists): `intake(env, body, hints) → {kind, headers, rows}`. The kind comes
 * from the content only (sniff-upload.ts; a name or a declared type never decides, so a
 * tab-separated export named .xls reads as CSV, a real workbook named .csv as a workbook). CSV is
 * read here as it streams; workbooks by the workbook reader Worker behind a service binding
 * (read-workbook.ts). Rows come out as batches cut by the one chunk cutter (src/lib/chunk/cut.ts).
 */
import { envNumber, type Env } from '../env.ts';
import { chunkBudget, type ChunkBudget } from '../../src/lib/chunk/cut.ts';
import { FileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { headerPick, type HeaderRowChoice } from '../../src/lib/map/header-row.ts';
import type { AssistantConfig } from '../../src/lib/types.ts';
import { sniffUpload, type UploadLayout } from './sniff-upload.ts';
import { openRegistry } from './read-registry.ts';
import { fileTooLarge, sizeLimit, type UploadKind } from './upload-kind.ts';
import { readCsvUpload } from './read-csv.ts';
import { readWorkbookUpload } from './read-workbook.ts';
import type { UploadReader } from './upload-reader.ts';

export type { UploadKind } from './upload-kind.ts';

/** What the caller knows besides the bytes; none of it decides what kind of file this is. */
export interface IntakeHints {
  /** The file's name, for messages. */
  fileName?: string;
  /** The sheet of a workbook to read (default the first visible one). */
  sheet?: string;
  /** Find the header row for this assistant (or take `headerRow`, 1-based); without it, the first non-blank row is the header. */
  header?: { assistant: AssistantConfig; headerRow?: number };
  /** The encoding the client named (a WHATWG name, resolved from encoding=<label> by the route) for a CSV; detected when absent. Workbooks ignore it. */
  encoding?: string;
  /** How rows are cut into batches (default a lead import's chunks: uploadBudget). */
  budget?: ChunkBudget;
  /** The declared size of the body: a workbook declared past its limit is refused before it is read. */
  declaredBytes?: number;
  /** Registry downloads (one number a line, no header row) are read as such: suppression lists take them, lead files do not. */
  registry?: boolean;
}

export interface Intake extends UploadReader {
  kind: UploadKind;
  /** A table with a header row, or (with `registry`) a registry download: its rows then have the number as their only cell. */
  layout: UploadLayout;
}

/** A lead import's chunks as this Worker cuts them: CHUNK_ROWS rows and 90% of CHUNK_BYTES bytes at most (tests lower both). */
export const uploadBudget = (env: Env): ChunkBudget => chunkBudget(envNumber(env, 'CHUNK_ROWS'), envNumber(env, 'CHUNK_BYTES'));

export async function intake(env: Env, body: ReadableStream<Uint8Array>, hints: IntakeHints = {}): Promise<Intake> {
  const upload = await sniffUpload(body, hints.fileName);
  if (upload.empty) throw new FileReadError(FILE_ERRORS.empty());
  const budget = hints.budget ?? uploadBudget(env);
  // A table's data rows (MAX_ROWS, tests lower it) are counted by its reader, which refuses the one past the limit.
  const maxRows = envNumber(env, 'MAX_ROWS');
  if (hints.registry && upload.layout === 'registry') {
    // ASCII digits a line: no encoding to detect, no header to find; the list import cuts the rows into chunks.
    return { kind: 'csv', layout: 'registry', ...openRegistry(upload.body), header: null, detection: () => null };
  }
  if (upload.kind === 'csv') {
    let choice: HeaderRowChoice | null = null;
    const header = hints.header && {
      pick: headerPick(hints.header.assistant, { headerRow: hints.header.headerRow, onChoice: (c) => (choice = c) }),
      choice: () => choice,
    };
    return { kind: 'csv', layout: 'table', ...(await readCsvUpload(upload.body, { budget, header, encoding: hints.encoding, maxRows })) };
  }
  if (hints.declaredBytes !== undefined && hints.declaredBytes > sizeLimit(upload.kind)) {
    await upload.body.cancel().catch(() => {});
    throw fileTooLarge(upload.kind, hints.declaredBytes);
  }
  return { kind: upload.kind, layout: 'table', ...(await readWorkbookUpload(env, upload.body, { sheet: hints.sheet, header: hints.header, budget, maxRows })) };
}
