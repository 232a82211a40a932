/**
 * The preview session of the import wizard: the preview Web Worker, the file's rows and their
 * verdicts (grid.svelte.ts: plain arrays, not $state; `version` and the grid's own counter are
 * bumped when they change), the column matching (column-matching.svelte.ts), cell edits and deleted
 * rows. What the person did is also kept in the tab's draft (draft.ts, through `onsave`) so a
 * reload restores it.
 */
import { startPreviewWorker, type PreviewWorker } from './client.ts';
import type { CallingSettings, FromWorker, HeaderRowInfo, RowVerdict, Summary } from './protocol.ts';
import type { EncodingRead } from './encoding-read.ts';
import type { ColumnProfile } from './column-profile.ts';
import { filterPositions, rowMatches, type ReadinessFilter } from './readiness-filter.ts';
import { RowEdits, type RowEditsJson } from './row-edits.ts';
import type { GridPositions } from './row-positions.ts';
import { PreviewGrid } from './grid.svelte.ts';
import { ColumnMatching } from './column-matching.svelte.ts';
import { NumberRequests, sendSuppressions } from './worker-requests.ts';
import type { CampaignSettings, Notices, Restore, RowView } from './session-types.ts';
import type { MappingCheck } from '../../map/columns.ts';
import type { AssistantConfig, ColumnMapping } from '../../types.ts';
import { expectedRows } from './expected-rows.ts';
import { warmZoneNames } from '../../calling/describe-zones.ts';
import { whenIdle } from '../when-idle.ts';

export type { NoticePlace, Notices, Restore, RowView } from './session-types.ts';

const count = (n: number) => n.toLocaleString('en-US');
const readStatus = (s: Summary) =>
  `${count(s.totalRows)} ${s.totalRows === 1 ? 'row' : 'rows'} read, ${count(s.invalidRows)} with errors${s.suppression.state === 'checking' ? '; checking them against the do-not-call list…' : '.'}`;
/** How long the preview waits for the suppression list before saying it could not check it (the server still checks). */
const LIST_TIMEOUT_MS = 20_000;

export class PreviewSession {
  file = $state<File | null>(null);
  sheetNames = $state<string[]>([]);
  sheet = $state('');
  headers = $state<string[]>([]);
  check = $state<MappingCheck | null>(null);
  summary = $state<Summary | null>(null);
  progress = $state<{ bytesRead: number; totalBytes: number; rowsRead: number } | null>(null);
  rowCount = $state(0);
  /** Bumped whenever a row or a verdict changes. */
  version = $state(0);
  parsing = $state(false);
  /** Which rows the grid shows: all, those with problems, or those deleted. */
  view = $state<RowView>('all');
  /** Only rows of one line type, or leads callable at one time (null: no such filter). */
  readinessFilter = $state<ReadinessFilter | null>(null);
  /** The file row taken as the header, and the rows the user may take instead. */
  headerRow = $state<HeaderRowInfo | null>(null);
  /** How a CSV was read (null for workbooks): the detection, a few values as read, and whether the person chose it. */
  encoding = $state<EncodingRead | null>(null);
  /** What each column holds: fill counts, sample values, and why the primary phone is where it is. */
  profile = $state<ColumnProfile | null>(null);
  /** Rows changed or deleted by the person (for the warning before leaving). */
  touchedRows = $state(0);
  /** Fetches the workspace's packed suppression list (its bytes are transferred to the worker); null checks no list. */
  suppressions: (() => Promise<ArrayBuffer>) | null = null;
  /** Called after every change the draft keeps (mapping, edits, deletions). */
  onsave: (() => void) | null = null;
  private grid = new PreviewGrid();
  readonly rows = this.grid.rows;
  readonly verdicts: RowVerdict[] = this.grid.verdicts;
  /** Per row: the primary number's country, type, zone set and extension (typed arrays). */
  readonly facts = this.grid.facts;
  readonly edits = new RowEdits();
  /** Which column goes where; every mapping it applies revalidates every row. */
  readonly matching = new ColumnMatching({ revalidate: (mapping, assistant) => this.revalidate(mapping, assistant), save: () => this.onsave?.() });

  private gen = 0;
  /** Whether the grid has made room for the whole file (at the second batch of rows). */
  private reserved = false;
  private worker: PreviewWorker | null = null;
  private notices: Notices;
  private opened: { assistant: AssistantConfig; campaign: CampaignSettings; sheet?: string; headerRow?: number; encoding?: string } | null = null;
  /** A draft's mapping and edits, applied once the file has been read again. */
  private restoring: Restore | null = null;

  /** The positions the grid shows. */
  readonly visible: GridPositions = $derived.by(() => {
    void this.grid.version;
    const base = this.view === 'deleted' ? Int32Array.from(this.edits.deleted()) : this.grid.positionsOf(this.view === 'problems');
    const filter = this.readinessFilter;
    if (!filter) return base;
    const when = this.summary?.readiness.when ?? {};
    return filterPositions(base, (i) => rowMatches(filter, i, this.facts, this.verdicts, when));
  });
  /** Problems of the whole file that stop the import (no phone column, a column used twice…). */
  readonly blocking = $derived(this.check?.fileErrors ?? []);
  /** True until a draft's mapping and edits are back. */
  get restoringDraft(): boolean {
    return this.restoring !== null;
  }
  /** What opened the file (for the draft). */
  get openedWith(): { sheet?: string; headerRow?: number; encoding?: string } {
    return { sheet: this.opened?.sheet, headerRow: this.opened?.headerRow, encoding: this.opened?.encoding };
  }

  constructor(notices: Notices) {
    this.notices = notices;
  }

  /** Reads a file (or another sheet of it) in a fresh worker; `restore` brings back a draft's work once it is read. */
  open(file: File, assistant: AssistantConfig, campaign: CampaignSettings, sheet?: string, headerRow?: number, encoding?: string, restore?: Restore): void {
    const defaultCountry = campaign.defaultCountry ?? undefined;
    const calling: CallingSettings = {
      callingWindow: campaign.callingWindow,
      blockedPhoneTypes: campaign.blockedPhoneTypes,
      callPurpose: campaign.callPurpose ?? 'telemarketing',
      consentPolicy: campaign.consentPolicy,
      startedAt: Date.now(),
    };
    this.opened = { assistant: $state.snapshot(assistant), campaign: { defaultCountry: campaign.defaultCountry, ...$state.snapshot(calling) }, sheet, headerRow, encoding };
    if (!encoding) this.encoding = null;
    this.restoring = restore ?? null;
    this.notices.clear();
    this.file = file;
    if (!sheet) this.sheetNames = [];
    this.reset();
    this.parsing = true;
    this.notices.status = 'Reading the file…';
    // A fresh worker per file: a file still being read must not mix its rows into the next one.
    this.worker?.stop();
    this.numberRequests.cancelAll();
    this.worker = startPreviewWorker(this.onWorker);
    whenIdle(warmZoneNames);
    this.worker.send({ type: 'open', file, sheet, assistant: $state.snapshot(assistant), defaultCountry, calling: $state.snapshot(calling), headerRow, encoding, now: Date.now() });
    void sendSuppressions(this.worker, this.suppressions, LIST_TIMEOUT_MS);
  }

  /** Reads the file again with another row (1-based file row) as its header. */
  chooseHeaderRow(row: number): void {
    if (!this.file || !this.opened) return;
    this.open(this.file, this.opened.assistant, this.opened.campaign, this.opened.sheet, row, this.opened.encoding);
  }

  /** Reads the file again in the encoding the person picked (a WHATWG name). */
  chooseEncoding(name: string): void {
    if (!this.file || !this.opened) return;
    this.open(this.file, this.opened.assistant, this.opened.campaign, this.opened.sheet, undefined, name);
  }

  /** Forgets the file's rows and verdicts (another campaign, another file). */
  reset(): void {
    this.grid.clear();
    this.reserved = false;
    this.edits.clear();
    this.touchedRows = 0;
    this.readinessFilter = null;
    this.view = 'all';
    this.headers = [];
    this.headerRow = null;
    this.matching.clear();
    this.profile = null;
    this.check = null;
    this.summary = null;
    this.progress = null;
    this.rowCount = 0;
    this.version++;
  }

  /** A mapping was applied (and, for a new variable, the assistant it needs): the worker revalidates every row. */
  private revalidate(mapping: ColumnMapping, assistant?: AssistantConfig): void {
    if (assistant && this.opened) this.opened.assistant = $state.snapshot(assistant);
    this.summary = null;
    this.notices.status = 'Revalidating with the new mapping…';
    this.worker?.send({ type: 'map', mapping: $state.snapshot(mapping), assistant: assistant ? $state.snapshot(assistant) : undefined });
    this.onsave?.();
  }

  /** A user's correction of one cell; the worker revalidates the row (and its duplicates). */
  edit(index: number, column: number, value: string): void {
    this.rows.setCell(index, column, value);
    this.edits.record(index, column, value);
    this.touchedRows = this.edits.size;
    this.worker?.send({ type: 'edit', index, column, value });
    this.onsave?.();
  }

  /** Deletes row `index` from the import (or brings it back): it is neither counted nor uploaded. */
  setDeleted(index: number, deleted: boolean): void {
    if (this.edits.isDeleted(index) === deleted) return;
    this.edits.setDeleted(index, deleted);
    this.touchedRows = this.edits.size;
    this.worker?.send({ type: 'remove', index, removed: deleted });
    this.changed();
    this.onsave?.();
  }

  stop(): void {
    this.worker?.stop();
  }

  private numberRequests = new NumberRequests();

  /** The valid rows' primary numbers (E.164), as the worker has them now; [] when another file replaces this one first. */
  validNumbers(): Promise<string[]> {
    return this.numberRequests.ask(this.worker);
  }

  private onWorker = (msg: FromWorker): void => {
    switch (msg.type) {
      case 'sheets':
        this.sheetNames = msg.sheetNames;
        this.sheet = msg.sheet;
        break;
      case 'encoding':
        this.encoding = { detection: msg.detection, samples: msg.samples, chosen: msg.detection.source === 'label' };
        break;
      case 'headers': {
        this.headers = msg.headers;
        this.check = msg.check;
        this.headerRow = msg.headerRow ?? null;
        this.profile = msg.profile;
        const drafted = this.matching.start(msg.headers, { mapping: msg.mapping, suggested: msg.suggested ?? [] }, this.restoring);
        if (drafted) this.worker?.send({ type: 'map', mapping: $state.snapshot(drafted) });
        break;
      }
      case 'rows':
        // Room for the whole file at once, made with the second batch: the first one's task also
        // draws the first rows, and filling the store's arrays for a million rows (~20 ms) would
        // lengthen the longest task of the preview.
        if (msg.start > 0 && !this.reserved && this.file) {
          this.reserved = true;
          this.grid.reserve(expectedRows(this.file.size, msg.packed.text.length / msg.verdicts.length));
        }
        this.grid.addRows(msg.start, msg.packed, msg.verdicts, msg.facts);
        this.gen = msg.gen;
        this.rowCount = this.rows.length;
        this.version++;
        break;
      case 'verdicts':
        if (msg.gen < this.gen) break;
        this.gen = msg.gen;
        this.grid.replaceVerdicts(msg.start, msg.verdicts);
        this.facts.put(msg.start, msg.facts);
        this.changed();
        break;
      case 'progress':
        this.progress = msg;
        break;
      case 'done':
        this.summary = msg.summary;
        this.check = msg.check;
        if (msg.profile) this.profile = msg.profile;
        this.parsing = false;
        this.grid.refresh();
        this.notices.status = readStatus(msg.summary);
        if (this.restoring) this.replayRows(this.restoring.rows);
        break;
      case 'listed':
        if (msg.gen < this.gen) break;
        this.grid.setVerdicts(msg.changes);
        if (msg.summary) {
          this.summary = msg.summary;
          this.notices.status = readStatus(msg.summary);
        }
        if (msg.changes.length) this.changed();
        break;
      case 'updated':
        this.grid.setVerdicts(msg.changes);
        this.facts.put(msg.edited.index, msg.edited.facts);
        this.summary = msg.summary;
        this.changed();
        this.notices.status = `Row revalidated: ${count(msg.summary.invalidRows)} rows with errors.`;
        break;
      case 'numbers':
        this.numberRequests.answer(msg.id, msg.numbers);
        break;
      case 'failed':
        this.parsing = false;
        this.restoring = null;
        this.notices.fail(msg.error.message, 'file', msg.error.code);
        break;
    }
  };

  /** A draft's cell edits and deleted rows, once every row is back. */
  private replayRows(r: RowEditsJson): void {
    this.restoring = null;
    for (const [index, column, value] of r.edits) if (index < this.rows.length) this.edit(index, column, value);
    for (const index of r.deleted) if (index < this.rows.length) this.setDeleted(index, true);
  }

  /** Verdicts changed out of file order. */
  private changed(): void {
    this.grid.changed();
    this.version++;
  }
}
