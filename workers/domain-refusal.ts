/**
 * A coded refusal that services (campaigns, assistants, imports, webhooks) throw: something not
 * found, a state that forbids the request, a download past its lifetime. The API maps each code to
 * its status in one table (workers/api/handle-error.ts); nothing here knows about HTTP.
 */
import { Refusal } from './refusal.ts';

export const DOMAIN_REFUSAL_CODES = [
  'NOT_FOUND',
  'IMPORT_FINISHED',
  'REPORT_NOT_READY',
  'REPORT_EXPIRED',
  'WEBHOOK_URL_NOT_ALLOWED',
] as const;
export type DomainRefusalCode = (typeof DOMAIN_REFUSAL_CODES)[number];

export class DomainRefusal extends Refusal {
  constructor(
    readonly code: DomainRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainRefusal';
  }
}

/** `<what> not found.` (another workspace's ids answer the same). */
export const notFoundRefusal = (what: string) => new DomainRefusal('NOT_FOUND', `${what} not found.`);
