/** The actions the audit log records (DESIGN.md, "People, roles, audit", and a few more). */
export const AUDIT_ACTIONS = [
  'import.created',
  'import.cancelled',
  'import.undone',
  'suppression.added',
  'suppression.removed',
  'suppression.imported',
  'campaign.created',
  'campaign.updated',
  'assistant.created',
  'assistant.updated',
  'token.created',
  'token.revoked',
  'member.invited',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'invitation.revoked',
  'notify_emails.updated',
  'webhook.created',
  'webhook.deleted',
  'signin',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);
