/**
 * People, sessions, roles and the audit log (workers/auth, workers/audit). Re-exported by
 * schema.ts, which drizzle-kit reads. Secrets are never stored: sign-in codes as an HMAC,
 * session and API tokens as SHA-256 hashes.
 */
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import type { Role } from '../auth/roles.ts';

/** A person who signs in with a one-time code sent to `email` (lower-cased, unique). */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name'),
  createdAt: text('created_at').notNull(),
});

/** A person's role in a workspace; one row per (workspace, person). */
export const memberships = sqliteTable(
  'memberships',
  {
    workspaceId: text('workspace_id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user').on(t.userId)],
);

/** An invitation by email, accepted when that address signs in before `expires_at`. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** Who invited: "user:<id>" or "token:<id>". */
    invitedBy: text('invited_by').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    acceptedAt: text('accepted_at'),
  },
  (t) => [index('invitations_email').on(t.email), index('invitations_workspace').on(t.workspaceId)],
);

/** The one live sign-in code of an address: its HMAC, wrong tries so far, and its end. */
export const signInCodes = sqliteTable('sign_in_codes', {
  email: text('email').primaryKey(),
  codeMac: text('code_mac').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/**
 * A signed-in browser: the cookie holds a random secret, this row its SHA-256. The session works
 * in one workspace at a time (switched in the header); it ends `SESSION_IDLE_MINUTES` after
 * `last_seen_at` or at `expires_at` (the absolute lifetime), whichever comes first, or when deleted.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/**
 * The append-only audit log of a workspace (workers/audit): who (`actor_*`: a person, a token, a
 * signed link or the system) did what (`action`) to what (`target_*`), with details that never
 * hold a secret nor a phone number (except `suppression.removed`, which names the number).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    workspaceId: text('workspace_id').notNull(),
    at: text('at').notNull(),
    actorType: text('actor_type').$type<'user' | 'token' | 'link' | 'system'>().notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('audit_workspace_seq').on(t.workspaceId, t.seq),
    index('audit_workspace_action_seq').on(t.workspaceId, t.action, t.seq),
    index('audit_workspace_actor_seq').on(t.workspaceId, t.actorId, t.seq),
    index('audit_at').on(t.at),
  ],
);
