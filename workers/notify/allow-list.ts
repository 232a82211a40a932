/**
 * The workspace's list of addresses that may receive import emails: full addresses or `@domain`
 * entries. An import naming any other address is refused before it is created.
 */
import { eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { db } from '../db/client.ts';
import { notifyEmailAllowList } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import { Refusal } from '../refusal.ts';
import { isAllowedBy } from '../../src/lib/notify/allowed-email.ts';
import { auditQuery } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';

export async function listAllowed(env: Env, workspaceId: string): Promise<string[]> {
  const rows = await db(env.DB)
    .select({ entry: notifyEmailAllowList.entry })
    .from(notifyEmailAllowList)
    .where(eq(notifyEmailAllowList.workspaceId, workspaceId))
    .orderBy(notifyEmailAllowList.entry)
    .all();
  return rows.map((r) => r.entry);
}

/** Replaces the list (entries already lower-cased and unique), in one transaction. */
export async function replaceAllowed(env: Env, workspaceId: string, entries: readonly string[], actor: Actor = SYSTEM_ACTOR): Promise<void> {
  const createdAt = nowIso();
  const d = db(env.DB);
  const remove = d.delete(notifyEmailAllowList).where(eq(notifyEmailAllowList.workspaceId, workspaceId));
  const inserts = entries.map((entry) => d.insert(notifyEmailAllowList).values({ workspaceId, entry, createdAt }));
  const before = await listAllowed(env, workspaceId);
  const audit = auditQuery(d, { workspaceId, actor, action: 'notify_emails.updated', details: { added: entries.filter((e) => !before.includes(e)), removed: before.filter((e) => !entries.includes(e)) } });
  await d.batch([remove, ...inserts, audit]);
}

/** Refuses (422 NOTIFY_EMAIL_NOT_ALLOWED) an address the workspace has not allowed. */
export async function requireAllowedNotifyEmail(env: Env, workspaceId: string, email: string | undefined): Promise<void> {
  if (email === undefined) return;
  if (isAllowedBy(await listAllowed(env, workspaceId), email)) return;
  const domain = email.slice(email.lastIndexOf('@'));
  throw new Refusal(
    'NOTIFY_EMAIL_NOT_ALLOWED',
    `${email} may not receive import emails from this workspace. Add the address (or its domain as "${domain}") to the workspace's list with PUT /api/v1/workspace/notify-emails, then retry.`,
  );
}
