/** What the preview session and the wizard's steps share: where problems are shown, the grid's views, a draft to restore. */
import type { CallingSettings } from './protocol.ts';
import type { RowEditsJson } from './row-edits.ts';
import type { RememberedAnswer } from '../wire-types.ts';
import type { ColumnMapping } from '../../types.ts';

/** Where a problem belongs: beside the control that caused it. */
export type NoticePlace = 'campaign' | 'file' | 'columns' | 'import' | 'email';

/** Where the session reports problems and what it is doing (shown by the page, beside `where`). */
export interface Notices {
  error: string | null;
  /** The step or control the error belongs to (the page shows it there and moves focus to it). */
  where: NoticePlace | null;
  /** The API's code, when the error is the server's answer. */
  code: string | null;
  status: string;
  fail(message: string, where: NoticePlace, code?: string | null): void;
  clear(): void;
}

/** Which rows the grid shows. */
export type RowView = 'all' | 'problems' | 'deleted';

/** What a restored draft brings back once the file is read again. */
export interface Restore {
  mapping: ColumnMapping | null;
  suggested: number[];
  displaced: Record<number, number>;
  mappingSource: RememberedAnswer['source'];
  rows: RowEditsJson;
}

/** The campaign settings a file is read under (the call purpose defaults to telemarketing). */
export type CampaignSettings = { defaultCountry: string | null } & Omit<CallingSettings, 'callPurpose'> & { callPurpose?: CallingSettings['callPurpose'] };
