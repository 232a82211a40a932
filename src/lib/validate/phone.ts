/**
 * Phone cell → E.164 with libphonenumber-js full metadata: cached, with an exact E.164 fast path.
 * Every pattern here is anchored and unambiguous (linear on a 10,000-character cell); the library
 * itself refuses text over 250 characters before its own patterns run.
 */
import {
  ParseError,
  isSupportedCountry as libIsSupportedCountry,
  parsePhoneNumberWithError,
  type CountryCode,
} from 'libphonenumber-js/core';
import type { NormalizedPhone } from '../types.ts';
import { zoneSetIdOf, zonesOfSet } from '../calling/time-zones.ts';
import { METADATA, countriesFor, countryFor, isValidNumber, metadata, numberType, planFor } from './phone-plans.ts';

/** Why a phone cell was rejected. The first four are libphonenumber-js parse errors. */
export type PhoneFailureReason =
  | 'NOT_A_NUMBER'
  | 'INVALID_COUNTRY'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'INVALID_LENGTH'
  | 'NOT_VALID_FOR_REGION'
  | 'NO_COUNTRY_CODE'
  | 'SCIENTIFIC_NOTATION'
  | 'EMPTY';

export type PhoneResult =
  | { ok: true; phone: NormalizedPhone }
  | {
      ok: false;
      code: 'empty' | 'invalid' | 'scientific';
      reason: PhoneFailureReason;
      /** The country the number was checked against, when one was found. */
      country?: string;
    };

export interface PhoneNormalizer {
  /** Normalises one cell. `numericRaw` is Excel's raw numeric value of the cell, if any. Results are shared: do not mutate. */
  normalize(text: string, numericRaw?: number): PhoneResult;
  /** The E.164 fast path alone (exposed for property tests); undefined when it defers to the full parser. */
  fastE164(e164: string): PhoneResult | undefined;
}

/**
 * Results kept per normaliser before the cache is dropped and refilled (~2 MB when full). Small on
 * purpose: in a file, a number repeats only as a duplicate or an edited row, and a large cache that
 * is cleared wholesale turns into old-generation garbage (50,000 entries cost a streaming 1M-row
 * run ~45 MB of peak memory and no speed).
 */
export const PHONE_CACHE_MAX = 4_096;

const E164 = /^\+[1-9]\d{6,14}$/;
const DIGITS = /^\d+$/;
const PLUS_DIGITS = /^\+\d+$/;
/** Separators people put in phone numbers: spaces (all kinds), dashes, dots, brackets, slashes. */
const SEPARATORS = /[\s\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212.()[\]/]/g;
/** What Excel's General format shows for a long number: `1.41555E+10`. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE]\+?\d+$/;
/** Excel's "force text" trick in CSV exports: `="+14155551234"`. */
const EXCEL_TEXT_FORMULA = /^="(.*)"$/;
/** A number exported as a float (pandas, many CRMs): `4155550179.0`, `+14155550179.00`. */
const FLOAT_ARTEFACT = /^(\+?\d+)\.00?$/;

const EMPTY: PhoneResult = Object.freeze({ ok: false, code: 'empty', reason: 'EMPTY' });
const SCIENTIFIC_FAILURE: PhoneResult = Object.freeze({
  ok: false,
  code: 'scientific',
  reason: 'SCIENTIFIC_NOTATION',
});

/** True when libphonenumber-js has metadata for this ISO 3166 alpha-2 code (for schema checks of defaultCountry). */
export function isSupportedCountry(country: string): boolean {
  return libIsSupportedCountry(country as CountryCode, METADATA);
}

/**
 * The verdict on a split number (as the library's isValid() and getType() give it), computing the
 * type once. `country` is the one the library would attach, undefined when it finds none.
 */
function verdict(callingCode: string, nationalNumber: string, country: string | undefined, extension: string | null = null): PhoneResult {
  const plan = planFor(country ?? callingCode);
  const type = numberType(plan, nationalNumber);
  if (isValidNumber(plan, nationalNumber, type)) {
    const e164 = '+' + callingCode + nationalNumber;
    // One table walk per verdict, and verdicts are cached per cell text: never a second parse.
    const zoneSetId = zoneSetIdOf(e164, country ?? null);
    const phone: NormalizedPhone = { e164, extension, timeZones: zonesOfSet(zoneSetId), zoneSetId };
    if (country) phone.country = country;
    if (type) phone.type = type;
    return { ok: true, phone };
  }
  const lengths = plan.possibleLengths;
  const n = nationalNumber.length;
  let reason: PhoneFailureReason = 'NOT_VALID_FOR_REGION';
  if (lengths.length > 0) {
    if (n < lengths[0]!) reason = 'TOO_SHORT';
    else if (n > lengths[lengths.length - 1]!) reason = 'TOO_LONG';
    else if (!lengths.includes(n)) reason = 'INVALID_LENGTH';
  }
  const failure: PhoneResult = { ok: false, code: 'invalid', reason };
  if (country) failure.country = country;
  return failure;
}

/**
 * E.164 fast path: split the calling code against metadata and classify the national number with
 * precompiled patterns, skipping the text scanning of the full parser. Returns undefined whenever
 * the full parser could decide differently (unknown or non-geographic calling code, or digits after
 * the code that the parser would strip as a national prefix).
 */
function fastE164(e164: string): PhoneResult | undefined {
  if (!E164.test(e164)) return undefined;
  for (let len = 1; len <= 3; len++) {
    const callingCode = e164.slice(1, 1 + len);
    const countries = countriesFor(callingCode);
    if (!countries) continue; // calling codes are prefix-free: at most one length matches
    const national = e164.slice(1 + len);
    if (planFor(callingCode).nationalPrefix?.test(national)) return undefined;
    return verdict(callingCode, national, countryFor(countries, national));
  }
  return undefined;
}

/** The full parser: libphonenumber-js parse, then the same verdict as the fast path, with the parse error as reason. */
function fullParse(text: string, defaultCountry: string | undefined): PhoneResult {
  let pn;
  try {
    pn = defaultCountry
      ? parsePhoneNumberWithError(text, defaultCountry as CountryCode, METADATA)
      : parsePhoneNumberWithError(text, METADATA);
  } catch (error) {
    const message = error instanceof ParseError ? error.message : 'NOT_A_NUMBER';
    const reason: PhoneFailureReason =
      message === 'INVALID_COUNTRY' && !defaultCountry && !text.startsWith('+')
        ? 'NO_COUNTRY_CODE'
        : message === 'TOO_SHORT' || message === 'TOO_LONG' || message === 'INVALID_COUNTRY'
          ? message
          : 'NOT_A_NUMBER';
    const failure: PhoneResult = { ok: false, code: 'invalid', reason };
    if (defaultCountry && (reason === 'TOO_SHORT' || reason === 'TOO_LONG') && !text.startsWith('+')) {
      failure.country = defaultCountry;
    }
    return failure;
  }
  return verdict(pn.countryCallingCode, pn.nationalNumber, pn.country, pn.ext ?? null);
}

export interface PhoneNormalizerOptions {
  /** Cached results before the cache is cleared (about 135 bytes each); default PHONE_CACHE_MAX. */
  cacheMax?: number;
}

/**
 * Creates a normaliser for one import; `defaultCountry` (ISO alpha-2) is used for national numbers.
 * Throws a RangeError for a country libphonenumber-js does not know (check with isSupportedCountry).
 */
export function createPhoneNormalizer(defaultCountry?: string, options: PhoneNormalizerOptions = {}): PhoneNormalizer {
  const cacheMax = options.cacheMax ?? PHONE_CACHE_MAX;
  const country = defaultCountry ? defaultCountry.trim().toUpperCase() : undefined;
  if (country && !metadata.hasCountry(country)) {
    throw new RangeError(`Unsupported default country: ${country}`);
  }
  const cache = new Map<string, PhoneResult>();
  // Digits that cannot be a national number of the default country (longer than any), or 11+
  // digits, are retried as international when invalid as national: Excel drops a leading `+`.
  // Shorter ones are not, so a mistyped national number is never read as another country's.
  const countryPlan = country ? planFor(country) : undefined;
  const maxNational = countryPlan ? Math.max(0, ...countryPlan.possibleLengths) || 15 : 0;
  const lostPlusMinDigits = country ? Math.min(11, maxNational + 1) : 8;

  /** A full-parse or fast-path verdict on an E.164-shaped string. */
  const international = (e164: string): PhoneResult => fastE164(e164) ?? fullParse(e164, country);

  /** Digits without a `+`: national for the default country, else (Excel lost the `+`) international. */
  const digitsOnly = (digits: string): PhoneResult => {
    if (digits.startsWith('00') && digits.length > 2 && digits[2] !== '0') {
      return international('+' + digits.slice(2));
    }
    if (countryPlan) {
      // A national number with no national prefix to strip reads as the calling code + those digits,
      // so the E.164 fast path can answer. Taken only when it finds a valid number of the default
      // country itself: anything else (another country sharing the calling code, an invalid number
      // and its reason) stays the library's call. Property-tested against the library.
      if (!countryPlan.nationalPrefix?.test(digits)) {
        const fast = fastE164('+' + countryPlan.callingCode + digits);
        if (fast?.ok && fast.phone.country === country) return fast;
      } else if (countryPlan.callingCode === '1' && digits.length === 11 && digits.charCodeAt(0) === 49) {
        // North America's trunk prefix, `1-415-555-0123`: the library strips the 1 from eleven
        // digits (no national number of +1 starts with 1), leaving the same ten the fast path reads.
        const fast = fastE164('+' + digits);
        if (fast?.ok && fast.phone.country === country) return fast;
      }
    }
    const national = country ? fullParse(digits, country) : undefined;
    if (national?.ok) return national;
    if (digits[0] !== '0' && digits.length <= 15 && digits.length >= lostPlusMinDigits) {
      const asInternational = international('+' + digits);
      if (asInternational.ok) return lostPlusRecovered(asInternational.phone, country);
    }
    return national ?? { ok: false, code: 'invalid', reason: 'NO_COUNTRY_CODE' };
  };

  const compute = (text: string, numericRaw: number | undefined): PhoneResult => {
    const trimmed = text.trim();
    if (trimmed === '') return EMPTY;
    if (E164.test(trimmed)) return international(trimmed);
    const t = unwrapPhoneText(trimmed);
    if (t === '') return EMPTY;
    if (SCIENTIFIC.test(t)) {
      if (numericRaw !== undefined && Number.isSafeInteger(numericRaw) && numericRaw > 0) {
        return digitsOnly(String(numericRaw));
      }
      return SCIENTIFIC_FAILURE;
    }
    const compact = t.replace(SEPARATORS, '');
    if (DIGITS.test(compact)) return digitsOnly(compact);
    if (PLUS_DIGITS.test(compact)) return international(compact);
    return fullParse(t, country);
  };

  return {
    normalize(text: string, numericRaw?: number): PhoneResult {
      if (text === '') return EMPTY;
      const key = numericRaw === undefined ? text : text + '\u0000' + numericRaw;
      let result = cache.get(key);
      if (result === undefined) {
        result = compute(text, numericRaw);
        if (cache.size >= cacheMax) cache.clear();
        if (cacheMax > 0) cache.set(key, result);
      }
      return result;
    },
    fastE164,
  };
}

/** A cell's text without what spreadsheets and links wrap numbers in: ="…", a leading ', tel:, a trailing .0. */
function unwrapPhoneText(trimmed: string): string {
  let t = trimmed;
  const excelText = EXCEL_TEXT_FORMULA.exec(t);
  if (excelText) t = excelText[1]!.trim();
  if (t.startsWith("'")) t = t.slice(1).trimStart();
  if (t.slice(0, 4).toLowerCase() === 'tel:') t = t.slice(4).trimStart();
  if (t === '') return t;
  // `.0` would otherwise read as a separator and a tenth digit: 4155550179.0 → +41 555 501 790 (Swiss).
  if (t.charCodeAt(t.length - 1) === 48 /* 0 */) t = FLOAT_ARTEFACT.exec(t)?.[1] ?? t;
  return t;
}

/** A number read as international after Excel dropped its `+`, marked so (and when its country is not the default). */
function lostPlusRecovered(parsed: NormalizedPhone, country: string | undefined): PhoneResult {
  const phone: NormalizedPhone = { ...parsed, recovered: 'plus' };
  if (country && phone.country !== country) phone.countryDiffersFromDefault = true;
  return { ok: true, phone };
}
