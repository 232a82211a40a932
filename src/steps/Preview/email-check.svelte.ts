/**
 * The "Email me" address checked as it is typed, against the workspace's allow-list (the server
 * refuses any other address with NOTIFY_EMAIL_NOT_ALLOWED): the problem is said beside the field,
 * and the person can allow the address or its domain there (admins), without leaving the wizard.
 */
import { authedRequest, errorMessage } from '#lib/ui/api.ts';
import { domainEntry, isAllowedBy } from '#lib/notify/allowed-email.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type EmailProblem = 'malformed' | 'not-allowed' | null;

export class EmailCheck {
  /** The allow-list, once read (null: not read, or not readable with this role). */
  allowed = $state<string[] | null>(null);
  busy = $state(false);
  /** Why adding to the list failed. */
  error = $state<string | null>(null);

  async load(): Promise<void> {
    const res = await authedRequest('/api/v1/workspace/notify-emails').catch(() => null);
    if (res?.ok) this.allowed = ((await res.json()) as { items: string[] }).items;
  }

  /** What is wrong with `email` (empty is fine: no email is sent). */
  problem(email: string): EmailProblem {
    const e = email.trim();
    if (e === '') return null;
    if (e.length > 254 || !EMAIL.test(e)) return 'malformed';
    return this.allowed && !isAllowedBy(this.allowed, e) ? 'not-allowed' : null;
  }

  /** Adds the address (or, with `domain`, its whole domain) to the allow-list; true when it is now allowed. */
  async allow(email: string, domain: boolean): Promise<boolean> {
    const entry = domain ? domainEntry(email) : email.trim().toLowerCase();
    if (!entry) return false;
    this.busy = true;
    this.error = null;
    try {
      const current = this.allowed ?? [];
      const res = await authedRequest('/api/v1/workspace/notify-emails', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ items: [...new Set([...current, entry])] }),
      });
      if (!res.ok) {
        this.error = res.status === 403 ? 'Only an admin of the workspace may change who receives import emails.' : await errorMessage(res, 'The list could not be changed');
        return false;
      }
      this.allowed = ((await res.json()) as { items: string[] }).items;
      return true;
    } finally {
      this.busy = false;
    }
  }
}
