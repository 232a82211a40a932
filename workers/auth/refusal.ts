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

export class AuthRefusal extends Refusal {
  override readonly name: string = 'AuthRefusal';

  constructor(
    override readonly code: AuthRefusalCode,
    message: string,
    override readonly details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }
}
