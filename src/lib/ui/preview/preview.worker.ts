/**
 * The preview worker: reads the chosen file (read-file.ts), maps its columns and validates every
 * row with the shared core, sending rows and verdicts to the page in batches. It keeps its own
 * copy of the rows, packed as the page keeps them (one JSON text per batch, not a million small
 * objects), so that remapping and cell edits revalidate here. Duplicates are resolved in file
 * order (duplicates.ts), from the numbers the validation found. The workspace's suppression list
 * arrives once, transferred from the page, and is checked here after validation
 * (src/lib/validate/suppression.ts): one copy of it, a binary search per valid number. Rows do not
 * wait for it: until it arrives the summary says it is being checked, and when it does the rows
 * already shown are checked and their changed verdicts sent (preview-verdicts.ts).
 */
import { isFileReadError } from '../../parse/errors.ts';
import { FILE_ERRORS } from '../../validate/file-messages.ts';
import { autoMapWithSuggestions, checkMapping, columnLabel, type AutoMapping, type MappingCheck } from '../../map/columns.ts';
import { choosePrimaryByContent } from '../../map/primary-by-content.ts';
import { ColumnProfiler, countPhoneColumn } from './column-profile.ts';
import { headerPick } from '../../map/header-row.ts';
import { createRowValidator, type RowValidator } from '../../validate/row.ts';
import { createPhoneNormalizer, type PhoneNormalizer } from '../../validate/phone.ts';
import { duplicateError } from '../../dedupe/in-file.ts';
import type { AssistantConfig, ColumnMapping, SourceRow } from '../../types.ts';
import type { CallingSettings, FromWorker, HeaderRowInfo, RowVerdict, Summary, SuppressionCheck, ToWorker } from './protocol.ts';
import { emptyFacts, FactStore, setFact } from './phone-facts.ts';
import { readinessOf } from './readiness.ts';
import { DEFAULT_CALLING_WINDOW } from '../../calling/calling-window.ts';
import { DEFAULT_BLOCKED_PHONE_TYPES } from '../../calling/blocked-phone-types.ts';
import { DEFAULT_CALL_PURPOSE } from '../../calling/call-purpose.ts';
import { packRows, RowStore } from './row-store.ts';
import { PreviewVerdicts } from './preview-verdicts.ts';
import { BATCH, readFile, type RowSink } from './read-file.ts';
import { validateRows } from './validate-rows.ts';
import { BatchPipeline } from './batch-pipeline.ts';
import { suppressionColumns } from '../../validate/suppression.ts';
import { receiveList } from './list-check.ts';
import { headerRowInfo } from './header-row-info.ts';
import { expectedRows } from './expected-rows.ts';

let assistant: AssistantConfig = { variables: [], secondaryVariables: [] };
let phones: PhoneNormalizer = createPhoneNormalizer();
let headers: string[] = [];
let mapping: ColumnMapping = { columns: [] };
let check: MappingCheck = { fileErrors: [], missingRequired: [], unknownColumns: [] };
let validator: RowValidator | null = null;
/** What each column holds (fill counts, samples, the content's choice of the primary phone). */
let profiler = new ColumnProfiler(0);
/** The automatic mapping of the headers, until the first rows decide the primary phone and it is sent. */
let pendingHeaders: AutoMapping | null = null;
/** The header row the reader took (set by the parser's header option before `begin`). */
let headerRow: HeaderRowInfo | undefined;
const rows = new RowStore();
/** Per row: its primary number's country, type, zone set and extension. */
const facts = new FactStore();
let calling: CallingSettings = {
  callingWindow: { ...DEFAULT_CALLING_WINDOW, days: [...DEFAULT_CALLING_WINDOW.days] },
  blockedPhoneTypes: [...DEFAULT_BLOCKED_PHONE_TYPES],
  callPurpose: DEFAULT_CALL_PURPOSE,
};
const verdicts = new PreviewVerdicts(
  (i) => rows.get(i).cells,
  (earlier) => [duplicateError(rows.rowNumber(earlier), phoneHeader())],
);
let gen = 0;
/** True while a file is still being read: a remap then leaves the final 'done' to the reader. */
let reading = false;
/** True once the open file's 'done' (with its summary) was sent: later changes then send a new summary. */
let summarized = false;
let defaultCountry: string | undefined;
/** The open file's size in bytes. */
let fileBytes = 0;
/** The page's clock minus this worker's: callability is judged at the page's "now" (the campaign page judges on it too). */
let clockOffset = 0;
/** Bumped by every mapping change: a batch validated under an older mapping was already redone by the remap. */
let mapGen = 0;
/**
 * What the summary says of the suppression list: being checked until the page sends it (or why it
 * has none, or that it checks none), once per worker.
 */
let listCheck: SuppressionCheck = { state: 'checking' };
/** Suppression verdicts changed by a late list, sent at most this many a message. */
const LISTED_BATCH = 5_000;

function listArrived(bytes: ArrayBuffer | null, error: string | null): void {
  const { check: state, changes } = receiveList(verdicts, bytes, error);
  listCheck = state;
  // A file still being read gets its summary with its 'done'.
  for (let k = 0; k < changes.length || k === 0; k += LISTED_BATCH) {
    const last = k + LISTED_BATCH >= changes.length;
    post({ type: 'listed', changes: changes.slice(k, k + LISTED_BATCH), summary: last && summarized ? summarize() : null, gen });
  }
}

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function setMapping(next: ColumnMapping): void {
  mapping = next;
  check = checkMapping(headers, mapping, assistant);
  validator = check.fileErrors.some((e) => e.code === 'NO_PHONE_COLUMN')
    ? null
    : createRowValidator({ assistant, headers, mapping, phoneNormalizer: phones, blockedPhoneTypes: calling.blockedPhoneTypes, consentPolicy: calling.consentPolicy, startedAt: calling.startedAt });
  verdicts.configure(suppressionColumns(headers, mapping, assistant));
  mapGen++;
  batches.configure();
}

const poolConfig = () =>
  ({
    type: 'config',
    assistant,
    headers,
    mapping: validator ? mapping : null,
    defaultCountry,
    blockedPhoneTypes: calling.blockedPhoneTypes,
    consentPolicy: calling.consentPolicy,
    startedAt: calling.startedAt,
  }) as const;

/** The rows read, validated batch by batch in file order (in validation workers when the machine has the cores). */
const batches = new BatchPipeline(poolConfig, (message) => fail(new Error(message)));

const phoneHeader = () => {
  const i = mapping.columns.findIndex((t) => t.kind === 'phone');
  return i >= 0 ? columnLabel(headers, i) : undefined;
};

function validateAt(i: number): RowVerdict {
  const r = validateRows(validator, 1, () => rows.get(i));
  facts.put(i, r.facts);
  return verdicts.apply(i, r.errors[0]!, r.numbers[0] ?? undefined, r.secondaries[0]);
}

function summarize(): Summary {
  const { invalidRows, errorCounts, suppressedRows, deletedRows, duplicateOnlyRows } = verdicts.counts(rows.length);
  const suppression: SuppressionCheck = listCheck.state === 'checked' ? { ...listCheck, rows: suppressedRows } : listCheck;
  const readiness = readinessOf(facts, rows.length, (i) => !verdicts.verdictOf(i) && !verdicts.isRemoved(i), calling, new Date(Date.now() + clockOffset));
  return { totalRows: rows.length - deletedRows, invalidRows, errorCounts, readiness, suppression, deletedRows, duplicateOnlyRows };
}

/** Forgets every verdict; with `keepRows` (a remap) the rows stay. */
function reset(keepRows = false): void {
  if (!keepRows) {
    rows.clear();
    facts.clear();
    verdicts.clearRemoved();
  }
  verdicts.clear();
}

/** Adds parsed rows, has them validated (in the pool when there is one) and posts them in file order. */
function take(batch: SourceRow[]): void {
  if (batch.length === 0) return;
  if (pendingHeaders) sendHeaders(batch);
  profiler.add(batch);
  const start = rows.length;
  const packed = packRows(start, batch);
  rows.add(packed);
  if (start === 0) verdicts.reserve(expectedRows(fileBytes, packed.text.length / batch.length));
  const myGen = gen;
  const myMap = mapGen;
  batches.submit(start, packed, () => validateRows(validator, batch.length, (k) => batch[k]!), (result) => {
    if (myGen !== gen && myMap === mapGen) return; // another file was opened
    const out: RowVerdict[] = []; // by push: posted densely (see validate-rows.ts)
    if (myMap === mapGen) facts.put(start, result.facts);
    for (let k = 0; k < batch.length; k++) {
      // Under an older mapping these rows were already revalidated by the remap.
      out.push(myMap === mapGen ? verdicts.apply(start + k, result.errors[k]!, result.numbers[k] ?? undefined, result.secondaries[k]) : verdicts.verdictOf(start + k));
    }
    // Copied, not transferred: this worker keeps the batch too.
    post({ type: 'rows', start, packed, verdicts: out, facts: facts.slice(start, start + batch.length), gen });
  });
}

/** The wizard's mapping: the automatic one, with the primary phone chosen by the first rows' content. */
function sendHeaders(first: readonly SourceRow[]): void {
  const auto = pendingHeaders!;
  pendingHeaders = null;
  const chosen = choosePrimaryByContent(headers, auto, first.length, (c) => countPhoneColumn(first, c, (text, numeric) => phones.normalize(text, numeric).ok));
  profiler.primary = chosen.choice;
  if (chosen.choice?.changed) setMapping(chosen.mapping);
  post({ type: 'headers', headers, mapping, check, headerRow, suggested: chosen.suggested, profile: profiler.profile() });
}

function fail(e: unknown): void {
  if (isFileReadError(e)) post({ type: 'failed', error: { code: e.code, message: e.message } });
  else post({ type: 'failed', error: FILE_ERRORS.unreadable() });
}

const sink: RowSink = {
  get taken() {
    return rows.length;
  },
  begin(h) {
    headers = h;
    profiler = new ColumnProfiler(h.length);
    // Sent with the first rows, which choose the primary phone among phone-like columns.
    pendingHeaders = autoMapWithSuggestions(headers, assistant);
    setMapping(pendingHeaders.mapping);
  },
  take,
  backpressure: () => batches.backpressure(),
  post,
};

async function open(msg: Extract<ToWorker, { type: 'open' }>): Promise<void> {
  assistant = msg.assistant;
  defaultCountry = msg.defaultCountry;
  calling = msg.calling;
  clockOffset = msg.now - Date.now();
  fileBytes = msg.file.size;
  phones = createPhoneNormalizer(msg.defaultCountry);
  headers = [];
  pendingHeaders = null;
  reset();
  gen++;
  summarized = false;
  await batches.stop();
  reading = true;
  try {
    headerRow = undefined;
    const header = headerPick(assistant, {
      headerRow: msg.headerRow,
      onChoice: (choice, records) => (headerRow = headerRowInfo(choice.index, choice.reason, records)),
    });
    await readFile(msg.file, msg.sheet, sink, header, msg.encoding);
    if (pendingHeaders) sendHeaders([]);
    await batches.drained();
  } finally {
    reading = false;
  }
  post({ type: 'done', summary: summarize(), gen, check, profile: profiler.profile() });
  summarized = true;
}

function remap(next: ColumnMapping, nextAssistant?: AssistantConfig): void {
  if (nextAssistant) assistant = nextAssistant;
  gen++;
  setMapping(next);
  reset(true);
  for (let start = 0; start < rows.length; start += BATCH) {
    const end = Math.min(rows.length, start + BATCH);
    const out: RowVerdict[] = [];
    for (let i = start; i < end; i++) out.push(validateAt(i));
    post({ type: 'verdicts', start, verdicts: out, facts: facts.slice(start, end), gen });
  }
  if (!reading) post({ type: 'done', summary: summarize(), gen, check, profile: profiler.profile() });
}

function edit(index: number, column: number, value: string): void {
  if (index < 0 || index >= rows.length) return;
  const edited = rows.setCell(index, column, value);
  if (validator && !verdicts.isRemoved(index)) revalidate(index, edited);
}

/** Row `index` changed (an edit, or it is back): its verdict, its duplicates' and the summary. */
function revalidate(index: number, row: SourceRow): void {
  const result = validator!.validate(row);
  const one = emptyFacts(1);
  setFact(one, 0, result.lead ?? result.primary, result.lead?.callingProfile);
  facts.put(index, one);
  const changes = verdicts.edit(index, result.errors, result.lead?.e164, result.lead?.secondary.map((s) => s.e164), row.cells);
  post({ type: 'updated', changes, edited: { index, facts: one }, summary: summarize() });
}

/** The person deleted row `index` (or brought it back): it leaves the counts, the duplicates and the upload. */
function remove(index: number, removed: boolean): void {
  if (index < 0 || index >= rows.length || removed === verdicts.isRemoved(index)) return;
  if (!removed) {
    verdicts.restore(index);
    if (validator) revalidate(index, rows.get(index));
    return;
  }
  const none = emptyFacts(1);
  facts.put(index, none);
  const changes = verdicts.remove(index);
  post({ type: 'updated', changes, edited: { index, facts: none }, summary: summarize() });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === 'open') await open(msg);
    else if (msg.type === 'map') remap(msg.mapping, msg.assistant);
    else if (msg.type === 'edit') edit(msg.index, msg.column, msg.value);
    else if (msg.type === 'remove') remove(msg.index, msg.removed);
    else if (msg.type === 'suppressions') listArrived(msg.bytes, msg.error);
    else if (msg.type === 'numbers') post({ type: 'numbers', id: msg.id, numbers: verdicts.validNumbers(rows.length) });
  } catch (e) {
    fail(e);
  }
};
