/**
 * Keeps the wizard's work in the tab's draft (src/lib/ui/preview/draft.ts) and brings it back after
 * a reload: the campaign, the file (its bytes from IndexedDB), how it was opened, the mapping,
 * cell edits, deleted rows, the options and the grid's hidden columns.
 */
import { clearDraft, fileMeta, loadFile, newDraftId, readDraft, sameFile, saveFile, writeDraft, type Draft } from '#lib/ui/preview/draft.ts';
import type { PreviewSession } from '#lib/ui/preview/session.svelte.ts';
import type { CampaignChoice } from './SelectFile/campaign-choice.svelte.ts';
import type { ImportOptions } from './Preview/import-options.svelte.ts';

export class WizardDraft {
  /** True while a draft is being brought back (the steps wait for it). */
  restoring = $state(false);
  /** The file of a draft whose bytes the browser did not keep: choosing it again restores the work. */
  missingFile = $state<string | null>(null);
  /** The grid's hidden columns (the grid's column picker). */
  hiddenColumns = $state<number[]>([]);
  private id = '';
  private pending: Draft | null = null;

  constructor(
    private readonly session: PreviewSession,
    private readonly choice: CampaignChoice,
    private readonly options: ImportOptions,
  ) {
    session.onsave = () => this.save();
  }

  /** The draft of this tab for `campaignId` (or any campaign when none is named). */
  find(campaignId: string): Draft | null {
    const draft = readDraft();
    return draft && (!campaignId || draft.campaignId === campaignId) ? draft : null;
  }

  /** Starts restoring `draft`: the campaign now; the file once `config` is known (`resume`). */
  begin(draft: Draft): void {
    this.pending = draft;
    this.id = draft.id;
    this.restoring = true;
    this.choice.campaignId = draft.campaignId;
    this.options.ignoreErrors = draft.options.ignoreErrors;
    this.options.onExisting = draft.options.onExisting;
    this.options.notifyEmail = draft.options.notifyEmail;
    this.hiddenColumns = draft.hiddenColumns;
  }

  /** Reads the draft's file again (the campaign's assistant is loaded), with its work to replay. */
  async resume(): Promise<void> {
    const draft = this.pending;
    const { config, campaign } = this.choice;
    if (!draft || !config || !campaign) return;
    this.pending = null;
    const file = await loadFile(draft.id);
    this.restoring = false;
    if (!file) {
      this.missingFile = draft.file.name;
      this.pending = draft; // applied when the same file is chosen again
      return;
    }
    this.reopen(file, draft);
  }

  /** A file was chosen: the draft's own file again (its work comes back), or a new one (a new draft). */
  opened(file: File): boolean {
    const draft = this.pending ?? readDraft();
    if (this.missingFile && draft && sameFile(draft.file, fileMeta(file))) {
      this.missingFile = null;
      this.pending = null;
      this.id = draft.id;
      void saveFile(draft.id, file);
      this.reopen(file, draft);
      return true;
    }
    this.missingFile = null;
    this.pending = null;
    if (!this.id) this.id = newDraftId();
    void saveFile(this.id, file);
    return false;
  }

  private reopen(file: File, draft: Draft): void {
    const { config, campaign } = this.choice;
    if (!config || !campaign) return;
    const { mapping, suggested, displaced, mappingSource, rows } = draft;
    this.session.open(file, config, campaign, draft.sheet, draft.headerRow, draft.encoding, { mapping, suggested, displaced, mappingSource, rows });
  }

  /** Writes the draft now (after every change the person makes). */
  save(): void {
    const file = this.session.file;
    const campaignId = this.choice.campaignId;
    const s = this.session;
    // While a draft's work is replayed the session is not yet what the draft says: keep the draft.
    if (!file || !campaignId || !this.id || s.restoringDraft) return;
    writeDraft({
      v: 1,
      id: this.id,
      campaignId,
      file: fileMeta(file),
      ...s.openedWith,
      mapping: s.headers.length ? $state.snapshot(s.matching.mapping) : null,
      suggested: $state.snapshot(s.matching.suggested),
      displaced: $state.snapshot(s.matching.displaced),
      mappingSource: $state.snapshot(s.matching.mappingSource),
      rows: s.edits.toJSON(),
      options: { ignoreErrors: this.options.ignoreErrors, onExisting: this.options.onExisting, notifyEmail: this.options.notifyEmail },
      hiddenColumns: $state.snapshot(this.hiddenColumns),
    });
  }

  /** The import started (or the person starts over): nothing to keep. */
  discard(): void {
    clearDraft();
    this.id = '';
    this.pending = null;
    this.missingFile = null;
  }
}
