/**
 * Which column of the file goes where, in the preview: the automatic matching of the headers, a
 * mapping remembered from an earlier file with them (applied, or only offered when the person has
 * changed something before it arrived), a draft's mapping brought back after a reload, and the
 * person's own moves (mapping-moves.ts). Every mapping applied goes to `revalidate`, which the
 * session turns into a revalidation of every row; what the draft keeps goes to `save`.
 */
import { moveColumn, swapPrimary, type MappingState } from './mapping-moves.ts';
import type { Restore } from './session-types.ts';
import type { RememberedAnswer } from '../wire-types.ts';
import type { AssistantConfig, ColumnMapping, ColumnTarget } from '../../types.ts';

export interface MatchingHooks {
  /** A mapping was applied: every row is checked again under it (and the assistant, when it gained a variable). */
  revalidate(mapping: ColumnMapping, assistant?: AssistantConfig): void;
  /** Something the draft keeps changed. */
  save(): void;
}

type Automatic = { mapping: ColumnMapping; suggested: number[] };

export class ColumnMatching {
  mapping = $state<ColumnMapping>({ columns: [] });
  /** Columns proposed as secondary phones (applied; the person confirms or undoes each). */
  suggested = $state<number[]>([]);
  /** Where the mapping came from when it was remembered from an earlier file; null for automatic matching. */
  mappingSource = $state<RememberedAnswer['source']>(null);
  /** A remembered mapping that arrived after the person had changed the mapping: offered, not applied. */
  rememberedLater = $state<RememberedAnswer | null>(null);
  /** Columns that lost their destination to another column the person sent there: column → that column. */
  displaced = $state<Record<number, number>>({});
  /** Looks up a remembered mapping for the file's headers; set by the step that knows the campaign. */
  remember: ((headers: string[]) => Promise<RememberedAnswer | null>) | null = null;

  /** Automatic matching of the current headers (what "reset" goes back to). */
  private automatic: Automatic | null = null;
  /** Bumped for every file read: a remembered mapping looked up for an earlier one is dropped. */
  private reads = 0;
  /** Mappings applied so far: a remembered mapping that arrives after a change is offered instead. */
  private changes = 0;

  constructor(private readonly hooks: MatchingHooks) {}

  /** Forgets the file's matching (another file or sheet is read). */
  clear(): void {
    this.reads++;
    this.automatic = null;
    this.suggested = [];
    this.displaced = {};
    this.mappingSource = null;
    this.rememberedLater = null;
  }

  /**
   * The headers' automatic matching, as the worker made it. A draft's mapping for as many columns
   * replaces it (returned, for the worker to apply); otherwise a remembered mapping is looked up.
   */
  start(headers: string[], automatic: Automatic, draft: Restore | null): ColumnMapping | null {
    this.mapping = automatic.mapping;
    this.suggested = automatic.suggested;
    this.automatic = automatic;
    if (draft?.mapping && draft.mapping.columns.length === headers.length) {
      this.suggested = draft.suggested;
      this.displaced = draft.displaced;
      this.mappingSource = draft.mappingSource;
      this.mapping = draft.mapping;
      return draft.mapping;
    }
    void this.applyRemembered(headers);
    return null;
  }

  /** Applies a mapping (and, for a new variable, the assistant it needs). */
  apply(mapping: ColumnMapping, assistant?: AssistantConfig): void {
    this.changes++;
    this.mapping = mapping;
    this.hooks.revalidate(mapping, assistant);
  }

  /** Back to automatic matching (forgets the remembered mapping for this file, not the saved one). */
  reset(): void {
    if (!this.automatic) return;
    this.mappingSource = null;
    this.suggested = this.automatic.suggested;
    this.displaced = {};
    this.apply(this.automatic.mapping);
  }

  /** The person keeps a suggested column where it goes. */
  confirmSuggestion(column: number): void {
    this.suggested = this.suggested.filter((c) => c !== column);
    this.hooks.save();
  }

  /** Sends column `column` somewhere else; a column that held that destination goes nowhere (and says why). */
  setTarget(column: number, target: ColumnTarget): void {
    this.move(moveColumn(this.state(), column, target));
  }

  /** One click: column `column` becomes the primary phone, and the primary column takes its place. */
  swapWithPrimary(column: number): void {
    this.move(swapPrimary(this.state(), column));
  }

  /** Applies a remembered mapping (the one offered after the person's changes, by default). */
  useRemembered(answer: RememberedAnswer | null = this.rememberedLater): void {
    if (!answer?.source) return;
    this.rememberedLater = null;
    this.displaced = {};
    this.mappingSource = answer.source;
    this.suggested = answer.suggested;
    this.apply(answer.mapping);
  }

  private state(): MappingState {
    return { mapping: this.mapping, displaced: this.displaced, suggested: this.suggested };
  }

  private move(next: MappingState): void {
    this.displaced = next.displaced;
    this.suggested = next.suggested;
    this.apply(next.mapping);
  }

  /** Applies the mapping remembered for these headers, if any (the file may have changed meanwhile). */
  private async applyRemembered(headers: string[]): Promise<void> {
    const reads = this.reads;
    const changes = this.changes;
    const answer = await this.remember?.(headers).catch(() => null);
    if (!answer?.source || reads !== this.reads || answer.mapping.columns.length !== headers.length) return;
    // A mapping chosen while the server was answering (the person's, or a draft's) stands; the
    // remembered one is offered instead.
    if (changes !== this.changes) this.rememberedLater = answer;
    else this.useRemembered(answer);
  }
}
