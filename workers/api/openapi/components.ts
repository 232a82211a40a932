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
import { webhookSchemas } from './webhook-schemas.ts';
import { fieldsJsonSchema } from '../../../src/lib/fields/lead-fields.ts';

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
    ...fieldsJsonSchema(),
    regions: { type: 'array', items: { type: 'string' }, description: 'Every candidate subdivision (ISO 3166-2) of the person: from the number\'s area code and the address; [] when nothing is known' },
    callingTimeZones: { type: 'array', items: { type: 'string' }, description: 'The number\'s time zones together with the address\'s (the ZIP\'s zone, else every zone of the region): every calling decision uses all of them' },
    callingRules: { type: 'array', items: { type: 'string' }, description: 'Ids of the calling rules binding the lead under the campaign\'s callPurpose (GET /calling-rules)' },
    maxCallsPer24h: { type: ['integer', 'null'], description: 'The smallest cap of calls per 24 hours among the binding rules, or null' },
    heldBy: { type: 'array', items: { type: 'string' }, description: 'Why the lead may not be called now ("Florida: calls end at 8 pm"); empty when it may' },
    callableWhen: { enum: ['now', 'laterToday', 'laterThisWeek', 'never'], description: 'When the lead can be called, from now: the same words as the preview' },
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
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' }, session: { type: 'apiKey', in: 'cookie', name: '__Host-lead_session', description: 'The session cookie set by POST /auth/verify; state-changing requests must come from the app (Origin)' } },
  schemas: {
    CreateAssistant: schema(CreateAssistantSchema),
    CreateCampaign: schema(CreateCampaignSchema),
    UpdateAssistant: schema(UpdateAssistantSchema),
    UpdateCampaign: schema(UpdateCampaignSchema),
    Campaign: resource(CampaignSchema),
    CampaignList: itemsOf('Campaign'),
    Assistant: resource(AssistantSchema),
    AssistantList: itemsOf('Assistant'),
    CallingRules: {
      type: 'object',
      properties: {
        version: { type: 'string' },
        profileDataVersion: { type: 'string', description: 'Version of the area-code, ZIP and zone tables stored profiles are made from' },
        rules: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', examples: ['US', 'US-FL', 'CA', 'AU'] },
              region: { type: 'string', description: 'ISO 3166-1 or 3166-2' },
              name: { type: 'string' },
              scope: { enum: ['telemarketing', 'automated', 'all'] },
              days: { type: 'object', description: 'ISO weekday "1"…"7" → [["HH:MM","HH:MM"]] local, end exclusive; [] no calls that day' },
              holidays: { type: 'array', items: { type: 'string', format: 'date' }, description: 'Local dates without calls, last year, this year and next' },
              maxCallsPer24h: { type: ['integer', 'null'] },
              source: { type: 'string', format: 'uri' },
              verifiedAt: { type: 'string', format: 'date' },
              status: { enum: ['confirmed', 'unconfirmed'] },
              notes: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
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
    ...webhookSchemas,
    LeadPage: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Lead' } }, nextCursor: { type: ['string', 'null'] } } },
    Import: resource(ImportViewSchema),
  },
  responses: { Error: returns('An error: {error: {code, message}}', 'Error') },
};
