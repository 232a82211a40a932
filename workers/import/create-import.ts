/** Creates an import: its D1 row (the read model) and its coordinator (the live state). */
import type { Env } from '../env.ts';
import { db } from '../db/client.ts';
import { campaigns, imports } from '../db/schema.ts';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_BLOCKED_PHONE_TYPES } from '../../src/lib/calling/blocked-phone-types.ts';
import { newId, nowIso } from '../db/ids.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import type { ImportConfig } from '../coordinator/state.ts';
import { assertAcceptingImports } from '../leads/placement.ts';
import type { AssistantConfig, ColumnMapping } from '../../src/lib/types.ts';
import type { OnExisting } from '../../src/lib/import-view.ts';
import type { Actor } from '../auth/principal.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { auditQuery } from '../audit/record-audit.ts';

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
  /** Who started it (the audit log's `import.created`). */
  actor?: Actor;
}

/** The campaign's blocked phone types now: the import keeps them for its whole run. */
async function blockedPhoneTypesOf(env: Env, workspaceId: string, campaignId: string): Promise<string[]> {
  const row = await db(env.DB)
    .select({ blockedPhoneTypes: campaigns.blockedPhoneTypes })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)))
    .get();
  return row ? [...row.blockedPhoneTypes] : [...DEFAULT_BLOCKED_PHONE_TYPES];
}

export async function createImport(env: Env, input: NewImport): Promise<ImportConfig> {
  await assertAcceptingImports(env, input.workspaceId);
  const importId = newId('imp');
  const createdAt = nowIso();
  const blockedPhoneTypes = await blockedPhoneTypesOf(env, input.workspaceId, input.campaignId);
  const d = db(env.DB);
  const insert = d.insert(imports).values({
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
  });
  const audit = auditQuery(d, {
    workspaceId: input.workspaceId,
    actor: input.actor ?? SYSTEM_ACTOR,
    action: 'import.created',
    target: { type: 'import', id: importId },
    details: { campaignId: input.campaignId, fileName: input.fileName, source: input.source, ignoreErrors: input.ignoreErrors, onExisting: input.onExisting ?? 'skip' },
  }, createdAt);
  // The import's row and its audit entry in one transaction.
  await d.batch([insert, audit]);
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
  };
  await coordinator(env, importId).init(config);
  return config;
}
