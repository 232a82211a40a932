/** Creates an import: its D1 row (the read model) and its coordinator (the live state). */
import type { Env } from '../env.ts';
import { insertImport } from '../imports/imports.ts';
import { blockedPhoneTypesOf } from '../campaigns/campaigns.ts';
import { newId, nowIso } from '../db/ids.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import type { ImportConfig } from '../coordinator/state.ts';
import { assertAcceptingImports } from '../leads/placement.ts';
import type { AssistantConfig, ColumnMapping } from '../../src/lib/types.ts';
import type { ImportWarning, OnExisting } from '../../src/lib/import-view.ts';

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
  inline: boolean;
  /** The WHATWG name of the encoding the file was read in (null for workbooks). */
  encoding?: string | null;
  warnings?: ImportWarning[];
}

export async function createImport(env: Env, input: NewImport): Promise<ImportConfig> {
  await assertAcceptingImports(env, input.workspaceId);
  const importId = newId('imp');
  const createdAt = nowIso();
  const blockedPhoneTypes = await blockedPhoneTypesOf(env, input.workspaceId, input.campaignId);
  await insertImport(env, {
    id: importId,
    workspaceId: input.workspaceId,
    campaignId: input.campaignId,
    fileName: input.fileName,
    source: input.source,
    status: 'queued',
    ignoreErrors: input.ignoreErrors,
    onExisting: input.onExisting ?? 'skip',
    notifyEmail: input.notifyEmail,
    errorCounts: {},
    createdAt,
    encoding: input.encoding ?? null,
    warnings: input.warnings?.length ? input.warnings : null,
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
    assistant: input.assistant,
    defaultCountry: input.defaultCountry,
    blockedPhoneTypes,
    createdAt,
    inline: input.inline,
    encoding: input.encoding ?? null,
    warnings: input.warnings ?? [],
  };
  await coordinator(env, importId).init(config);
  return config;
}
