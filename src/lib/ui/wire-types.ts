/**
 * What the API answers, as the UI reads it: every type here is inferred from the Worker's routes
 * through the typed client (Hono's InferResponseType over AppType), so the UI never writes a
 * resource's shape again. The resources themselves are defined once in src/lib/schemas/resources.ts.
 */
import type { InferResponseType } from 'hono/client';
import type { api } from './api.ts';

type V1 = ReturnType<typeof api>;

export type Campaign = InferResponseType<V1['campaigns'][':id']['$get'], 200>;
export type Assistant = InferResponseType<V1['assistants'][':id']['$get'], 200>;
export type ImportView = InferResponseType<V1['imports'][':id']['$get'], 200>;
export type LeadPage = InferResponseType<V1['campaigns'][':id']['leads']['$get'], 200>;
/**
 * A lead as listed. The registry's fields (src/lib/fields/lead-fields.ts, fieldsResource) are spread
 * in untyped, so their keys are named here until fieldsResource types its answer.
 */
export type Lead = LeadPage['items'][number] & { region?: string | null; postalCode?: string | null };
export type CallingProfiles = InferResponseType<V1['campaigns'][':id']['leads']['calling-profiles']['$get'], 200>;
export type RememberedAnswer = InferResponseType<V1['campaigns'][':id']['mappings']['match']['$post'], 200>;
export type ExistingLeads = InferResponseType<V1['campaigns'][':id']['leads']['existing']['$post'], 200>;
export type CreatedImport = InferResponseType<V1['imports']['$post'], 201>;
export type SuppressionPage = InferResponseType<V1['suppressions']['$get'], 200>;
export type ListImport = InferResponseType<V1['suppressions']['imports'][':id']['$get'], 200>;
