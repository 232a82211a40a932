/**
 * valibot schemas of the PATCH bodies: each field optional, only the fields sent change. The
 * fields are kept as plain entry objects so a new setting is one more key.
 */
import * as v from 'valibot';
import { CampaignNameSchema, CountryCodeSchema } from './api.ts';
import { AssistantNameSchema, VariableListSchema } from './assistant.ts';

const NOTHING_TO_CHANGE = 'Send at least one field to change.';

export const UpdateCampaignEntries = {
  name: v.optional(CampaignNameSchema),
  /** null removes the default country (national numbers are then refused). */
  defaultCountry: v.optional(v.nullable(CountryCodeSchema)),
};

export const UpdateCampaignSchema = v.pipe(v.object(UpdateCampaignEntries), v.check((o) => Object.values(o).some((x) => x !== undefined), NOTHING_TO_CHANGE));
export type UpdateCampaignInput = v.InferOutput<typeof UpdateCampaignSchema>;

export const UpdateAssistantEntries = {
  name: v.optional(AssistantNameSchema),
  /** The whole list, replacing the previous one; imports already created keep the list they started with. */
  variables: v.optional(VariableListSchema),
  secondaryVariables: v.optional(VariableListSchema),
};

export const UpdateAssistantSchema = v.pipe(v.object(UpdateAssistantEntries), v.check((o) => Object.values(o).some((x) => x !== undefined), NOTHING_TO_CHANGE));
export type UpdateAssistantInput = v.InferOutput<typeof UpdateAssistantSchema>;
