/**
 * The preview worker: reads the chosen file (CSV streamed, Excel at once), maps its columns and
 * validates every row with the shared core, sending rows and verdicts to the page in batches.
 * It keeps its own copy of the rows, packed as the page keeps them (one JSON text per batch, not a
 * million small objects), so that remapping and cell edits revalidate here.
 */
import { createDecoder } from '../../parse/decode.ts';
import { createCsvStream } from '../../parse/csv.ts';
import { readWorkbook, sniffFileKind, unsupportedFileError } from '../../parse/xlsx.ts';
import { isFileReadError } from '../../parse/errors.ts';
import { autoMap, checkMapping, columnLabel, type MappingCheck } from '../../map/columns.ts';
import { createRowValidator, type RowValidator } from '../../validate/row.ts';
import { createPhoneNormalizer, type PhoneNormalizer } from '../../validate/phone.ts';
import { duplicateError } from '../../dedupe/in-file.ts';
import { LIMITS } from '../../limits.ts';
import type { AssistantConfig, ColumnMapping, RowError, SourceRow } from '../../types.ts';
import type { FromWorker, RowVerdict, Summary, ToWorker } from './protocol.ts';
import { packRows, RowStore } from './row-store.ts';
import { addRowCodes } from '../../validate/count-codes.ts';
import { createValidationPool, poolSize, type PoolResult, type ValidationPool } from './validation-pool.ts';

const BATCH = 5_000;
/** The first batch is small so the first rows show at once. */
const FIRST_BATCH = 200;

let assistant: AssistantConfig = { variables: [], secondaryVariables: [] };
let phones: PhoneNormalizer = createPhoneNormalizer();
let headers: string[] = [];
let mapping: ColumnMapping = { columns: [] };
let check: MappingCheck = { fileErrors: [], missingRequired: [], unknownColumns: [] };
let validator: RowValidator | null = null;
const rows = new RowStore();
/** Per row: its own errors (without DUPLICATE_IN_FILE) and its primary number when valid. */
let own: (RowError[] | null)[] = [];
let numbers: (string | undefined)[] = [];
/**
 * Number → position of the row holding it as a valid primary, or positions (ascending) when several
 * do: a plain number for the usual single holder, so a million numbers are not a million arrays.
 */
let holders = new Map<string, number | number[]>();
const holdersOf = (e164: string): number[] => {
  const h = holders.get(e164);
  return h === undefined ? [] : typeof h === 'number' ? [h] : h;
};
const firstHolder = (e164: string): number => {
  const h = holders.get(e164)!;
  return typeof h === 'number' ? h : h[0]!;
};
let gen = 0;
/** True while a file is still being read: a remap then leaves the final 'done' to the reader. */
let reading = false;
let defaultCountry: string | undefined;
/** Validation workers (several cores); null validates here. */
let pool: ValidationPool | null = null;
/** Bumped by every mapping change: a batch validated under an older mapping was already redone by the remap. */
let mapGen = 0;
/** Batches handed to the pool, settled strictly in file order. */
let settled: Promise<void> = Promise.resolve();
let inflight = 0;

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function setMapping(next: ColumnMapping): void {
  mapping = next;
  check = checkMapping(headers, mapping, assistant);
  validator = check.fileErrors.some((e) => e.code === 'NO_PHONE_COLUMN')
    ? null
    : createRowValidator({ assistant, headers, mapping, phoneNormalizer: phones });
  mapGen++;
  pool?.configure({ type: 'config', assistant, headers, mapping: validator ? mapping : null, defaultCountry });
}

const phoneHeader = () => {
  const i = mapping.columns.findIndex((t) => t.kind === 'phone');
  return i >= 0 ? columnLabel(headers, i) : undefined;
};

/** Validates rows here (one core, or an edit, or a remap): the same answer the pool gives. */
function validateHere(batch: SourceRow[]): Omit<PoolResult, 'id'> {
  const errors: PoolResult['errors'] = [];
  const found: PoolResult['numbers'] = [];
  for (const r of batch) {
    if (!validator) {
      errors.push(null);
      found.push(null);
      continue;
    }
    const result = validator.validate(r);
    errors.push(result.errors.length ? result.errors : null);
    found.push(result.lead?.e164 ?? null);
  }
  return { errors, numbers: found };
}

/** Records row i's own errors and number; returns its verdict in file order (duplicates resolved against earlier rows). */
function applyAt(i: number, errors: RowError[] | null, e164: string | undefined): RowVerdict {
  own[i] = errors;
  numbers[i] = e164;
  if (e164 === undefined) return errors;
  const h = holders.get(e164);
  if (h === undefined) {
    holders.set(e164, i);
    return null;
  }
  const first = typeof h === 'number' ? h : h[0]!;
  if (typeof h === 'number') holders.set(e164, [h, i]);
  else h.push(i);
  return [duplicateError(rows.rowNumber(first), phoneHeader())];
}

function validateAt(i: number): RowVerdict {
  const r = validateHere([rows.get(i)]);
  return applyAt(i, r.errors[0]!, r.numbers[0] ?? undefined);
}

/** The verdict of row i from its own errors and the duplicate index. */
function verdictOf(i: number): RowVerdict {
  const e164 = numbers[i];
  if (e164 !== undefined) {
    const first = firstHolder(e164);
    if (first !== i) return [duplicateError(rows.rowNumber(first), phoneHeader())];
  }
  return own[i] ?? null;
}

function summarize(verdicts: RowVerdict[] | null): Summary {
  const errorCounts: Record<string, number> = {};
  let invalidRows = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = verdicts ? verdicts[i] : verdictOf(i);
    if (!v) continue;
    invalidRows++;
    addRowCodes(v, errorCounts);
  }
  return { totalRows: rows.length, invalidRows, errorCounts };
}

/** Forgets every verdict; with `keepRows` (a remap) the rows stay. */
function reset(keepRows = false): void {
  if (!keepRows) rows.clear();
  own = [];
  numbers = [];
  holders = new Map();
}

/** Adds parsed rows, has them validated (in the pool when there is one) and posts them in file order. */
function take(batch: SourceRow[]): void {
  if (batch.length === 0) return;
  const start = rows.length;
  const packed = packRows(start, batch);
  rows.add(packed);
  const myGen = gen;
  const myMap = mapGen;
  // The first small batch is validated here: the pool's workers are still loading, and the first
  // rows should show at once.
  if (start > 0 && !pool && poolSize() > 1) {
    // Started after the first rows are out, so loading the workers does not delay them.
    pool = createValidationPool(poolSize(), (message) => fail(new Error(message)));
    pool.configure({ type: 'config', assistant, headers, mapping: validator ? mapping : null, defaultCountry });
  }
  const answer = pool && start > 0 ? pool.validate(packed) : Promise.resolve(validateHere(batch));
  inflight++;
  settled = settled.then(async () => {
    const result = await answer;
    inflight--;
    if (myGen !== gen && myMap === mapGen) return; // another file was opened
    const verdicts: RowVerdict[] = new Array(batch.length);
    for (let k = 0; k < batch.length; k++) {
      // Under an older mapping these rows were already revalidated by the remap.
      verdicts[k] = myMap === mapGen ? applyAt(start + k, result.errors[k]!, result.numbers[k] ?? undefined) : verdictOf(start + k);
    }
    // Copied, not transferred: this worker keeps the batch too.
    post({ type: 'rows', start, packed, verdicts, gen });
  });
}

/** Keeps at most a few batches in the pool at once, so memory stays bounded and order cheap. */
async function backpressure(): Promise<void> {
  if (inflight > 2 * (pool?.size ?? 1)) await settled;
}

function fail(e: unknown): void {
  if (isFileReadError(e)) post({ type: 'failed', error: { code: e.code, message: e.message } });
  else post({ type: 'failed', error: { code: 'FILE_CORRUPT', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` } });
}

function begin(h: string[]): void {
  headers = h;
  setMapping(autoMap(headers, assistant));
  post({ type: 'headers', headers, mapping, check });
}

async function openCsv(file: File): Promise<void> {
  if (file.size > LIMITS.maxCsvBytes) {
    post({ type: 'failed', error: { code: 'FILE_TOO_LARGE', message: `The file is larger than ${LIMITS.maxCsvBytes / 1048576} MB.` } });
    return;
  }
  const decoder = createDecoder({ sniffBytes: 64 * 1024 });
  const csv = createCsvStream();
  const reader = file.stream().getReader();
  let bytesRead = 0;
  let pending: SourceRow[] = [];
  let lastProgress = 0;
  const flush = (force: boolean) => {
    if (csv.headers && headers !== csv.headers) begin(csv.headers);
    const limit = rows.length === 0 ? FIRST_BATCH : BATCH;
    if (pending.length >= limit || (force && pending.length)) {
      take(pending);
      pending = [];
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    const text = decoder.push(value);
    if (text) for (const r of csv.push(text)) pending.push(r);
    flush(rows.length === 0);
    await backpressure();
    const now = performance.now();
    if (now - lastProgress > 100) {
      lastProgress = now;
      post({ type: 'progress', bytesRead, totalBytes: file.size, rowsRead: rows.length + pending.length });
    }
  }
  const tail = decoder.end();
  if (tail) for (const r of csv.push(tail)) pending.push(r);
  for (const r of csv.end()) pending.push(r);
  flush(true);
}

async function openExcel(file: File, bytes: Uint8Array, sheet?: string): Promise<void> {
  if (file.size > LIMITS.maxExcelBytesBrowser) {
    post({ type: 'failed', error: { code: 'FILE_TOO_LARGE', message: `The workbook is larger than ${LIMITS.maxExcelBytesBrowser / 1048576} MB. Save it as CSV to import it.` } });
    return;
  }
  const wb = readWorkbook(bytes, { sheet });
  post({ type: 'sheets', sheetNames: wb.sheetNames, sheet: wb.sheet });
  begin(wb.headers);
  for (let i = 0; i < wb.rows.length; i += i === 0 ? FIRST_BATCH : BATCH) {
    take(wb.rows.slice(i, i + (i === 0 ? FIRST_BATCH : BATCH)));
    await backpressure();
  }
}

async function open(msg: Extract<ToWorker, { type: 'open' }>): Promise<void> {
  assistant = msg.assistant;
  defaultCountry = msg.defaultCountry;
  phones = createPhoneNormalizer(msg.defaultCountry);
  headers = [];
  reset();
  gen++;
  await settled;
  pool?.stop();
  pool = null;
  reading = true;
  try {
    const head = new Uint8Array(await msg.file.slice(0, 4096).arrayBuffer());
    const kind = sniffFileKind(head, msg.file.name);
    if (kind === 'xlsx' || kind === 'xls') await openExcel(msg.file, new Uint8Array(await msg.file.arrayBuffer()), msg.sheet);
    else if (kind === 'csv') await openCsv(msg.file);
    else throw unsupportedFileError(head, msg.file.name);
    await settled;
  } finally {
    reading = false;
  }
  post({ type: 'done', summary: summarize(null), gen, check });
}

function remap(next: ColumnMapping): void {
  gen++;
  setMapping(next);
  reset(true);
  for (let start = 0; start < rows.length; start += BATCH) {
    const end = Math.min(rows.length, start + BATCH);
    const verdicts: RowVerdict[] = [];
    for (let i = start; i < end; i++) verdicts.push(validateAt(i));
    post({ type: 'verdicts', start, verdicts, gen });
  }
  if (!reading) post({ type: 'done', summary: summarize(null), gen, check });
}

function edit(index: number, column: number, value: string): void {
  if (index < 0 || index >= rows.length) return;
  const r = rows.get(index);
  const cells = r.cells.slice();
  while (cells.length <= column) cells.push('');
  cells[column] = value;
  const edited: SourceRow = { row: r.row, cells };
  if (r.numeric && column in r.numeric) {
    const numeric = { ...r.numeric };
    delete numeric[column];
    edited.numeric = numeric;
  } else if (r.numeric) edited.numeric = r.numeric;
  rows.set(index, edited);
  // Rows whose duplicate status may change: the holders of the old and the new number.
  const before = numbers[index];
  const affected = new Set<number>([index]);
  if (before !== undefined) {
    const list = holdersOf(before);
    for (const i of list) affected.add(i);
    list.splice(list.indexOf(index), 1);
    if (list.length === 0) holders.delete(before);
    else holders.set(before, list.length === 1 ? list[0]! : list);
  }
  if (!validator) return;
  const result = validator.validate(edited);
  own[index] = result.errors.length ? result.errors : null;
  const after = result.lead?.e164;
  numbers[index] = after;
  if (after !== undefined) {
    const list = holdersOf(after);
    let at = list.length;
    while (at > 0 && list[at - 1]! > index) at--;
    list.splice(at, 0, index);
    holders.set(after, list.length === 1 ? list[0]! : list);
    for (const i of list) affected.add(i);
  }
  const changes = [...affected].sort((a, b) => a - b).map((i) => ({ index: i, verdict: verdictOf(i) }));
  post({ type: 'updated', changes, summary: summarize(null) });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === 'open') await open(msg);
    else if (msg.type === 'map') remap(msg.mapping);
    else if (msg.type === 'edit') edit(msg.index, msg.column, msg.value);
  } catch (e) {
    fail(e);
  }
};
