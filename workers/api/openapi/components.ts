/** The OpenAPI document's components: the request schemas (from valibot) and the resources it answers with. */
import {
  CreateAssistantSchema,
  CreateCampaignSchema,
  ExistingLeadsSchema,
} from '../../../src/lib/schemas/api.ts';
import { UpdateAssistantSchema, UpdateCampaignSchema } from '../../../src/lib/schemas/update.ts';
import { BrowserImportSchema } from '../../../src/lib/schemas/browser-import.ts';
import { ChunkSchema } from '../../../src/lib/chunk/format.ts';
import { CompleteUploadSchema } from '../../chunk/multipart.ts';
import { FILE_ERROR_CODES } from '../../../src/lib/codes.ts';
import { itemsOf, resource, returns, schema } from './shared-parts.ts';
import { AssistantSchema, CampaignSchema, ImportViewSchema } from '../../../src/lib/schemas/resources.ts';

/** What every stored number carries (the lead's primary, and each secondary contact). */
const phoneFields = {
  phoneNumber: { type: 'string', description: 'E.164' },
  phoneCountry: { type: ['string', 'null'], description: 'ISO 3166 alpha-2' },
  phoneType: { type: ['string', 'null'], description: "libphonenumber-js's type: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, TOLL_FREE, PREMIUM_RATE, …" },
  phoneTimeZones: { type: 'array', items: { type: 'string' }, description: 'Every candidate IANA time zone of the number' },
  phoneExtension: { type: ['string', 'null'], description: 'Extension dialled after the number connects' },
};
const variablesField = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } };
const leadSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    ...phoneFields,
    variables: variablesField,
    secondaryContacts: { type: 'array', items: { type: 'object', properties: { ...phoneFields, variables: variablesField } } },
    suppressed: { type: 'boolean', description: "The primary number is on the workspace's suppression list now (an entry not expired)" },
    nextCallableAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: "The earliest instant from now, within 7 days, at which the lead may be called (inside the campaign's calling window in every zone, not suppressed); null when never",
    },
    importId: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export const components = {
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' } },
  schemas: {
    CreateAssistant: schema(CreateAssistantSchema),
    CreateCampaign: schema(CreateCampaignSchema),
    UpdateAssistant: schema(UpdateAssistantSchema),
    UpdateCampaign: schema(UpdateCampaignSchema),
    Campaign: resource(CampaignSchema),
    CampaignList: itemsOf('Campaign'),
    Assistant: resource(AssistantSchema),
    AssistantList: itemsOf('Assistant'),
    BrowserImport: schema(BrowserImportSchema),
    CompleteUpload: schema(CompleteUploadSchema),
    Chunk: schema(ChunkSchema),
    ExistingLeads: schema(ExistingLeadsSchema),
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', examples: ['VALIDATION_FAILED', 'NOT_FOUND', 'UNAUTHORIZED', ...FILE_ERROR_CODES] },
            message: { type: 'string' },
          },
        },
      },
    },
    Lead: leadSchema,
    LeadPage: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Lead' } }, nextCursor: { type: ['string', 'null'] } } },
    Import: resource(ImportViewSchema),
  },
  responses: { Error: returns('An error: {error: {code, message}}', 'Error') },
};
