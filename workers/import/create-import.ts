/** Creates an import: its D1 row (the read model) and its coordinator (the live state). */
import type { Env } from '../env.ts';
import { recordImportCreated } from '../lifecycle/import-lifecycle.ts';
import { importSettingsOf } from '../campaigns/campaigns.ts';
import { newId, nowIso } from '../db/ids.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import type { ImportConfig } from '../coordinator/state.ts';
import { assertAcceptingImports } from '../leads/placement.ts';
import type { AssistantConfig, ColumnMapping } from '../../src/lib/types.ts';
import type { ImportWarning, MappingSourceName, OnExisting } from '../../src/lib/import-view.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';
import { staleSourceWarnings } from '../suppression/sources-view.ts';
import { SuppressionRefusal } from '../suppression/refusals.ts';

export interface NewImport {
  workspaceId: string;
  campaignId: string;
  assistant: AssistantConfig;
  defaultCountry: string | null;
  fileName: string;
  source: 'api' | 'browser';
  ignoreErrors: boolean;
  onExisting?: OnExisting;
  notifyEmail: string | null;
  headers: string[];
  mapping: ColumnMapping;
  mappingSource: MappingSourceName;
  inline: boolean;
  /** Who started it (the audit log's `import.created`). */
  actor?: Actor;
  /** The WHATWG name of the encoding the file was read in (null for workbooks). */
  encoding?: string | null;
  warnings?: ImportWarning[];
}

export async function createImport(env: Env, input: NewImport): Promise<ImportConfig> {
  await assertAcceptingImports(env, input.workspaceId);
  const importId = newId('imp');
  const createdAt = nowIso();
  const { blockedPhoneTypes, consentPolicy, requireFreshLists } = await importSettingsOf(env, input.workspaceId, input.campaignId);
  // A do-not-call registry copy too old to rely on: a warning on the import, or a refusal when the campaign requires fresh lists.
  const stale = await staleSourceWarnings(env, input.workspaceId, new Date(createdAt));
  if (requireFreshLists && stale.length) {
    throw new SuppressionRefusal('SUPPRESSION_SOURCE_STALE', `${stale.map((w) => w.message).join(' ')} This campaign requires fresh do-not-call lists (requireFreshLists), so nothing was imported.`, { warnings: stale });
  }
  // One array: the file's (ENCODING_UNCERTAIN…) and the list's.
  const warnings = [...(input.warnings ?? []), ...stale];
  await recordImportCreated(env, {
    id: importId,
    workspaceId: input.workspaceId,
    campaignId: input.campaignId,
    fileName: input.fileName,
    source: input.source,
    ignoreErrors: input.ignoreErrors,
    onExisting: input.onExisting ?? 'skip',
    notifyEmail: input.notifyEmail,
    errorCounts: {},
    mappingSource: input.mappingSource,
    createdAt,
    encoding: input.encoding ?? null,
    warnings: warnings.length ? warnings : null,
  }, {
    // Written with the import's row, in one transaction.
    workspaceId: input.workspaceId,
    actor: input.actor ?? SYSTEM_ACTOR,
    action: 'import.created',
    target: { type: 'import', id: importId },
    details: { campaignId: input.campaignId, fileName: input.fileName, source: input.source, ignoreErrors: input.ignoreErrors, onExisting: input.onExisting ?? 'skip' },
  });
  const config: ImportConfig = {
    importId,
    workspaceId: input.workspaceId,
    campaignId: input.campaignId,
    fileName: input.fileName,
    ignoreErrors: input.ignoreErrors,
    onExisting: input.onExisting ?? 'skip',
    notifyEmail: input.notifyEmail,
    headers: input.headers,
    mapping: input.mapping,
    mappingSource: input.mappingSource,
    assistant: input.assistant,
    defaultCountry: input.defaultCountry,
    blockedPhoneTypes,
    consentPolicy,
    createdAt,
    inline: input.inline,
    encoding: input.encoding ?? null,
    warnings,
  };
  await coordinator(env, importId).init(config);
  return config;
}
