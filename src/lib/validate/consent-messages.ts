/** Row messages about a lead's consent evidence, each with what a sales-ops person can do about it. */
import type { RowError } from '../types.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { quoteValue } from './message-words.ts';

const error = (code: RowError['code'], column: string | null, message: string): RowError => {
  const e: RowError = { code, message, guidance: ROW_ERROR_GUIDANCE[code] };
  if (column !== null) e.column = column;
  return e;
};

export function consentRequired(column: string | null, requirement: 'mobile' | 'all'): RowError {
  const why = requirement === 'all' ? 'for every lead' : 'for mobile numbers (and North American numbers, which may be mobile)';
  return error(
    'CONSENT_REQUIRED',
    column,
    column === null
      ? `This campaign requires consent ${why}, and the file has no consent date column (consent_at).`
      : `This campaign requires consent ${why}, and the consent date in column "${column}" is empty.`,
  );
}

export function consentDateInvalid(column: string, value: string): RowError {
  return error('CONSENT_DATE_INVALID', column, `The consent date ${quoteValue(value)} in column "${column}" is not a date and time we can read.`);
}

export function consentInFuture(column: string, value: string, startedAt: number): RowError {
  return error(
    'CONSENT_IN_FUTURE',
    column,
    `The consent date ${quoteValue(value)} in column "${column}" is after this import started (${new Date(startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC).`,
  );
}

export function consentExpired(column: string, value: string, maxAgeDays: number): RowError {
  return error('CONSENT_EXPIRED', column, `The consent date ${quoteValue(value)} in column "${column}" is more than ${maxAgeDays} days before this import started; the campaign accepts consent up to ${maxAgeDays} days old.`);
}

export function trustedFormCertInvalid(column: string, value: string): RowError {
  return error('TRUSTEDFORM_CERT_INVALID', column, `${quoteValue(value)} in column "${column}" is not a TrustedForm certificate URL (https://cert.trustedform.com/ followed by the certificate id).`);
}

export function jornayaLeadIdInvalid(column: string, value: string): RowError {
  return error('JORNAYA_LEADID_INVALID', column, `${quoteValue(value)} in column "${column}" is not a Jornaya LeadiD (36 characters: 8-4-4-4-12 letters A-F and digits).`);
}

export function consentIpInvalid(column: string, value: string): RowError {
  return error('CONSENT_IP_INVALID', column, `${quoteValue(value)} in column "${column}" is not an IP address (IPv4 such as 203.0.113.7, or IPv6 such as 2001:db8::1).`);
}
