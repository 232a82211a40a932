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

/** Whether `email` is on the list: its exact address, or its domain as `@domain`. */
export function isAllowedBy(entries: readonly string[], email: string): boolean {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const domain = address.slice(at);
  return entries.some((e) => e === address || e === domain);
}

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
export async function replaceAllowed(env: Env, workspaceId: string, entries: readonly string[]): Promise<void> {
  const createdAt = nowIso();
  const d = db(env.DB);
  const remove = d.delete(notifyEmailAllowList).where(eq(notifyEmailAllowList.workspaceId, workspaceId));
  const inserts = entries.map((entry) => d.insert(notifyEmailAllowList).values({ workspaceId, entry, createdAt }));
  await d.batch([remove, ...inserts]);
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
