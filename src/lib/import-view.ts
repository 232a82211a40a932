/** The public import resource, as the API returns it and the UI shows it. */
import type * as v from 'valibot';
import type { ImportViewSchema, ImportWarningSchema } from './schemas/resources.ts';
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

/** Something the import wants its reader to know that is not an error of a row (its schema: ImportWarningSchema). */
export type ImportWarning = v.InferOutput<typeof ImportWarningSchema>;

/** The import resource (its schema, with every field's meaning: ImportViewSchema in schemas/resources.ts). */
export type ImportView = v.InferOutput<typeof ImportViewSchema>;

export const RUNNING: readonly ImportStatus[] = ['queued', 'validating', 'importing'];
export const isRunning = (s: ImportStatus) => RUNNING.includes(s);
