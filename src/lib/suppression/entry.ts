/**
 * One input of the suppression list (a number typed in a request, or a row of an uploaded list)
 * → an entry to store, or the reason it is refused. Numbers are normalised exactly like leads' (the
 * core's phone normaliser); expiry dates are ISO 8601, or Excel date cells.
 */
import { createPhoneNormalizer, type PhoneResult } from '../validate/phone.ts';
import { describePhoneFailure, phoneInvalid, phoneRequired, quoteValue } from '../validate/messages.ts';
import { parseIsoInstant } from '../dates/iso-instant.ts';

/** Longest reason kept with a number (characters). */
export const MAX_REASON_LENGTH = 1_000;

/** Codes of a refused input: the row validator's phone codes, and two of the list's own. */
export type SuppressionInputCode = 'PHONE_REQUIRED' | 'PHONE_INVALID' | 'EXPIRES_AT_INVALID' | 'REASON_TOO_LONG';

export interface InvalidSuppression {
  /** The phone number as given (a file's cell text). */
  input: string;
  code: SuppressionInputCode;
  message: string;
  /** For an uploaded list: the 1-based data row. */
  row?: number;
}

export interface SuppressionEntryInput {
  phone: string;
  reason: string | null;
  expiresAt: string | null;
}

export type EntryResult = { ok: true; entry: SuppressionEntryInput } | { ok: false; invalid: InvalidSuppression };

/** Excel's serial day numbers that are dates between 1900 and 9999. */
const EXCEL_SERIAL_MIN = 1;
const EXCEL_SERIAL_MAX = 2_958_465;
const EXCEL_EPOCH_DAYS = 25_569; // 1970-01-01 as an Excel serial day
const DAY_MS = 86_400_000;

/**
 * An expiry as the stored ISO instant (`toISOString()`), null when empty, undefined when it is not a
 * date. `2026-12-31` is that day's start (UTC); a time without a zone is UTC. `numericRaw` is an
 * Excel date cell's serial day number (its text is whatever the cell's format shows).
 */
export function parseExpiresAt(text: string, numericRaw?: number): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const instant = parseIsoInstant(t);
  if (instant !== undefined) return new Date(instant).toISOString();
  if (numericRaw !== undefined && Number.isFinite(numericRaw) && numericRaw >= EXCEL_SERIAL_MIN && numericRaw <= EXCEL_SERIAL_MAX) {
    return new Date(Math.round((numericRaw - EXCEL_EPOCH_DAYS) * DAY_MS)).toISOString();
  }
  return undefined;
}

export function expiresAtMessage(text: string): string {
  return `The expiry date ${quoteValue(text.trim())} is not a date. Write it as 2026-12-31 or 2026-12-31T18:00:00Z (ISO 8601), or leave it empty for a number that never expires.`;
}

/** The message of a refused number typed in a request (no column to name). */
function phoneMessage(input: string, result: Extract<PhoneResult, { ok: false }>): string {
  if (result.code === 'empty') return 'The phone number is empty.';
  const why = describePhoneFailure(input.trim(), result.reason, result.country);
  return `The phone number ${quoteValue(input.trim())} ${why.text}. Reason code: ${why.reason}.`;
}

export interface EntryReader {
  /** A number typed in a request, with the request's reason and expiry (already checked). */
  fromRequest(input: string, reason: string | null, expiresAt: string | null): EntryResult;
  /** A row of an uploaded list: the cells of its phone, reason and expiry columns. */
  fromRow(
    row: number,
    phone: { header: string; text: string; numeric?: number },
    reason: string | undefined,
    expires: { text: string; numeric?: number } | undefined,
  ): EntryResult;
}

/** Reads inputs for one request; national numbers are read as `defaultCountry`'s. */
export function createEntryReader(defaultCountry: string): EntryReader {
  const phones = createPhoneNormalizer(defaultCountry);
  return {
    fromRequest(input, reason, expiresAt) {
      const result = phones.normalize(input);
      if (!result.ok) {
        return { ok: false, invalid: { input, code: result.code === 'empty' ? 'PHONE_REQUIRED' : 'PHONE_INVALID', message: phoneMessage(input, result) } };
      }
      return { ok: true, entry: { phone: result.phone.e164, reason, expiresAt } };
    },
    fromRow(row, phone, reasonText, expires) {
      const result = phones.normalize(phone.text, phone.numeric);
      if (!result.ok) {
        const error = result.code === 'empty' ? phoneRequired(phone.header) : phoneInvalid(phone.header, phone.text.trim(), result.reason, result.country);
        return { ok: false, invalid: { input: phone.text, code: error.code as SuppressionInputCode, message: error.message, row } };
      }
      const reason = reasonText?.trim() || null;
      if (reason !== null && reason.length > MAX_REASON_LENGTH) {
        return {
          ok: false,
          invalid: { input: phone.text, code: 'REASON_TOO_LONG', message: `The reason is ${reason.length} characters long; at most ${MAX_REASON_LENGTH} are kept. Shorten it.`, row },
        };
      }
      const expiresAt = expires ? parseExpiresAt(expires.text, expires.numeric) : null;
      if (expiresAt === undefined) {
        return { ok: false, invalid: { input: phone.text, code: 'EXPIRES_AT_INVALID', message: expiresAtMessage(expires!.text), row } };
      }
      return { ok: true, entry: { phone: result.phone.e164, reason, expiresAt } };
    },
  };
}
