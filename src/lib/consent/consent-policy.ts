/**
 * A campaign's consent policy: which leads must carry consent evidence (a consent date) and how
 * old it may be. AI voices are "artificial" voices under the TCPA (FCC 24-17), so calls need prior
 * express consent; telemarketing to wireless numbers needs it in writing
 * (research/compliance-2026-12-07.md, §3). Pure.
 */
import * as v from 'valibot';

export const CONSENT_REQUIREMENTS = ['none', 'mobile', 'all'] as const;
export type ConsentRequirement = (typeof CONSENT_REQUIREMENTS)[number];

export interface ConsentPolicy {
  /** none: consent is never required; mobile: for mobile numbers (and those that may be); all: for every lead. */
  require: ConsentRequirement;
  /** The oldest consent accepted, in days before the import's start; null: any age. */
  maxAgeDays: number | null;
}

export const DEFAULT_CONSENT_POLICY: ConsentPolicy = { require: 'none', maxAgeDays: null };

/** The longest consent age a policy may ask for (about ten years). */
export const MAX_CONSENT_AGE_DAYS = 3_660;

export const ConsentPolicySchema = v.object({
  require: v.picklist(CONSENT_REQUIREMENTS, 'consentPolicy.require is "none", "mobile" or "all".'),
  maxAgeDays: v.optional(
    v.nullable(
      v.pipe(
        v.number('consentPolicy.maxAgeDays is a whole number of days, or null.'),
        v.integer('consentPolicy.maxAgeDays is a whole number of days, or null.'),
        v.minValue(1, 'consentPolicy.maxAgeDays is at least 1.'),
        v.maxValue(MAX_CONSENT_AGE_DAYS, `consentPolicy.maxAgeDays is at most ${MAX_CONSENT_AGE_DAYS}.`),
      ),
    ),
    null,
  ),
});

/**
 * Whether a lead whose primary number has this line type must carry consent. "mobile" counts
 * FIXED_LINE_OR_MOBILE (every North American number, which the numbering plan cannot tell apart)
 * as mobile, since it may be one; a number of unknown type too, failing closed.
 */
export function consentRequired(policy: ConsentPolicy | undefined, phoneType: string | undefined): boolean {
  if (!policy || policy.require === 'none') return false;
  if (policy.require === 'all') return true;
  return phoneType === undefined || phoneType === 'MOBILE' || phoneType === 'FIXED_LINE_OR_MOBILE';
}
