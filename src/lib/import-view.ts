/** The public import resource, as the API returns it and the UI shows it. */
export const IMPORT_STATUSES = ['queued', 'validating', 'importing', 'completed', 'failed', 'cancelled', 'undoing', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What an import does with a number the campaign already has (see the README, "Update and undo"). */
export const ON_EXISTING = ['skip', 'update', 'fill'] as const;
export type OnExisting = (typeof ON_EXISTING)[number];

/**
 * Where an import's column mapping came from: `automatic` (exact names, normalised names, phone
 * synonyms), `remembered` (the mapping saved in this campaign for the identical header row), or
 * `provided` (the mapping sent with the import: the wizard's, which a person confirmed). A headless
 * import is only ever `automatic` or `remembered`; the wizard's suggestions never apply to it.
 */
export const MAPPING_SOURCES = ['automatic', 'remembered', 'provided'] as const;
export type MappingSourceName = (typeof MAPPING_SOURCES)[number];

/**
 * Something the import wants its reader to know that is not an error of a row: the file's
 * encoding was a guess (ENCODING_UNCERTAIN), a suppression source is stale… Other codes may follow.
 */
export interface ImportWarning {
  code: string;
  message: string;
}

export interface ImportView {
  id: string;
  campaignId: string;
  fileName: string;
  status: ImportStatus;
  ignoreErrors: boolean;
  onExisting: OnExisting;
  totalRows: number;
  /** Rows whose validation pass is done (the first of the two passes). */
  validatedRows: number;
  /** Rows with a final verdict: imported or failed. */
  processedRows: number;
  /** createdRows + updatedRows + unchangedRows. */
  importedRows: number;
  /** Rows that became new leads. */
  createdRows: number;
  /** Rows that updated (or filled) a lead the campaign already had. */
  updatedRows: number;
  /** Rows of an update or fill import that matched a lead but changed none of its values (no change record: undo has nothing to restore). */
  unchangedRows: number;
  failedRows: number;
  /** Undo: leads deleted or restored so far (undoDeletedRows + undoRestoredRows). */
  undoneRows: number;
  /** Undo: leads this import created that the undo deleted. */
  undoDeletedRows: number;
  /** Undo: leads this import updated that the undo gave their previous values back. */
  undoRestoredRows: number;
  /** Undo: leads left as they are because a later import changed them (undo-report.csv). */
  undoSkippedRows: number;
  errorCounts: Record<string, number>;
  /** Where the column mapping came from (null for imports made before it was recorded). */
  mappingSource: MappingSourceName | null;
  failure: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
  /** The WHATWG name of the encoding the file was read in (null for workbooks and imports made before it was recorded). */
  encoding: string | null;
  /** Warnings about the whole import; empty when there are none. */
  warnings: ImportWarning[];
}

export const RUNNING: readonly ImportStatus[] = ['queued', 'validating', 'importing'];
export const isRunning = (s: ImportStatus) => RUNNING.includes(s);
