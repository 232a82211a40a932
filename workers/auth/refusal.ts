/** Refusals of authentication and authorisation; workers/api/handle-error.ts gives each code its status. */
import { Refusal } from '../refusal.ts';

export type AuthRefusalCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CSRF_REJECTED'
  | 'CODE_INVALID'
  | 'CODE_EXPIRED'
  | 'CODE_EXHAUSTED'
  | 'INVITATION_EXPIRED'
  | 'NO_WORKSPACE'
  | 'LAST_OWNER'
  | 'ALREADY_MEMBER'
  | 'NOT_A_SESSION'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'EMAIL_NOT_SENT'
  | 'AUTH_NOT_CONFIGURED'
  | 'LINK_INVALID'
  | 'LINK_EXPIRED'
  | 'LINK_SIGNING_KEY_MISSING';

export const AUTH_REFUSAL_STATUS: Record<AuthRefusalCode, 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  CODE_INVALID: 401,
  CODE_EXPIRED: 401,
  CODE_EXHAUSTED: 401,
  INVITATION_EXPIRED: 403,
  NO_WORKSPACE: 403,
  LAST_OWNER: 409,
  ALREADY_MEMBER: 409,
  NOT_A_SESSION: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  EMAIL_NOT_SENT: 503,
  AUTH_NOT_CONFIGURED: 500,
  LINK_INVALID: 403,
  LINK_EXPIRED: 403,
  LINK_SIGNING_KEY_MISSING: 500,
};

export class AuthRefusal extends Refusal {
  constructor(
    readonly code: AuthRefusalCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
