/** A campaign's calling purpose: which rules bind its calls (telemarketing rules bind sales calls only). */
import * as v from 'valibot';

export const CALL_PURPOSES = ['telemarketing', 'informational'] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];
export const DEFAULT_CALL_PURPOSE: CallPurpose = 'telemarketing';

export const CallPurposeSchema = v.picklist(
  CALL_PURPOSES,
  'callPurpose is "telemarketing" (sales calls: every calling rule binds) or "informational" (rules of telemarketing scope do not bind).',
);
