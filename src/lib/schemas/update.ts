/**
 * valibot schemas of the PATCH bodies: each field optional, only the fields sent change. The
 * fields are kept as plain entry objects so a new setting is one more key.
 */
import * as v from 'valibot';
import { ConsentPolicySchema } from '../consent/consent-policy.ts';
import { CampaignNameSchema, CountryCodeSchema } from './api.ts';
import { CallingWindowSchema } from '../calling/calling-window.ts';
import { BlockedPhoneTypesSchema } from '../calling/blocked-phone-types.ts';
import { CallPurposeSchema } from '../calling/call-purpose.ts';
import { AssistantNameSchema, VariableListSchema } from './assistant.ts';

const NOTHING_TO_CHANGE = 'Send at least one field to change.';

export const UpdateCampaignEntries = {
  name: v.optional(CampaignNameSchema),
  /** null removes the default country (national numbers are then refused). */
  defaultCountry: v.optional(v.nullable(CountryCodeSchema)),
  /** Given complete; imports already created keep the window they started with. */
  callingWindow: v.optional(CallingWindowSchema),
  blockedPhoneTypes: v.optional(BlockedPhoneTypesSchema),
  requireFreshLists: v.optional(v.boolean('requireFreshLists is true or false.')),
  /** Given complete; imports already created keep the policy they started with. */
  consentPolicy: v.optional(ConsentPolicySchema),
  callPurpose: v.optional(CallPurposeSchema),
};
const CAMPAIGN_FIELDS = Object.keys(UpdateCampaignEntries).join(', ');

/** Unknown fields are refused rather than ignored, so a misspelt setting is not silently dropped. */
export const UpdateCampaignSchema = v.pipe(
  v.strictObject(UpdateCampaignEntries, (issue) => `Unknown field ${String(issue.path?.at(-1)?.key ?? '')}: a campaign update takes ${CAMPAIGN_FIELDS}.`),
  v.check((o) => Object.values(o).some((x) => x !== undefined), `${NOTHING_TO_CHANGE} Give at least one of ${CAMPAIGN_FIELDS}.`),
);
export type UpdateCampaignInput = v.InferOutput<typeof UpdateCampaignSchema>;

export const UpdateAssistantEntries = {
  name: v.optional(AssistantNameSchema),
  /** The whole list, replacing the previous one; imports already created keep the list they started with. */
  variables: v.optional(VariableListSchema),
  secondaryVariables: v.optional(VariableListSchema),
};

export const UpdateAssistantSchema = v.pipe(v.object(UpdateAssistantEntries), v.check((o) => Object.values(o).some((x) => x !== undefined), NOTHING_TO_CHANGE));
export type UpdateAssistantInput = v.InferOutput<typeof UpdateAssistantSchema>;
