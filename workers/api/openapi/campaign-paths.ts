/** The OpenAPI paths of assistants, campaigns, their sample file, leads and remembered mappings. */
import { ListLeadsQuerySchema, SampleQuerySchema } from '../../../src/lib/schemas/api.ts';
import { MatchMappingSchema } from '../routes/mappings.ts';
import { authed, body, error, idParam, queryParams, returns, schema } from './shared-parts.ts';

export const campaignPaths = {
  '/assistants': {
    post: { ...authed, summary: 'Create an assistant', requestBody: body('CreateAssistant'), responses: { 201: returns('The assistant', 'Assistant'), 400: error, 401: error } },
    get: { ...authed, summary: 'List assistants', responses: { 200: returns('The assistants', 'AssistantList'), 401: error } },
  },
  '/assistants/{id}': {
    get: { ...authed, parameters: [idParam('id')], summary: 'One assistant', responses: { 200: returns('The assistant', 'Assistant'), 404: error } },
    patch: { ...authed, parameters: [idParam('id')], summary: 'Change an assistant\'s name or variables (the fields sent; a variable list replaces the previous one). Imports already created keep the variables they started with.', requestBody: body('UpdateAssistant'), responses: { 200: returns('The assistant, changed', 'Assistant'), 400: error, 404: error, 413: error } },
  },
  '/campaigns': {
    post: { ...authed, summary: 'Create a campaign (calling window and blocked phone types optional)', requestBody: body('CreateCampaign'), responses: { 201: returns('The campaign', 'Campaign'), 400: error, 404: error } },
    get: { ...authed, summary: 'List campaigns with lead counts', responses: { 200: returns('The campaigns', 'CampaignList'), 401: error } },
  },
  '/campaigns/{id}': {
    get: { ...authed, parameters: [idParam('id')], summary: 'One campaign', responses: { 200: returns('The campaign', 'Campaign'), 404: error } },
    patch: {
      ...authed,
      parameters: [idParam('id')],
      summary: "Change a campaign's name, default country, calling window or blocked phone types (imports already created keep theirs)",
      requestBody: body('UpdateCampaign'),
      responses: { 200: returns('The campaign', 'Campaign'), 400: error, 404: error },
    },
  },
  '/campaigns/{id}/sample.csv': {
    get: { ...authed, parameters: [idParam('id'), ...queryParams(SampleQuerySchema)], summary: 'Sample file with the columns the campaign expects (fields=region,postal_code adds address columns)', responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, 404: error } },
  },
  '/campaigns/{id}/leads/calling-profiles': {
    get: {
      ...authed,
      parameters: [idParam('id')],
      summary: "The campaign's leads by calling profile (where the person may be), suppressed leads left out, from counters kept with each write; each profile with the rules binding it under the campaign's callPurpose, and the leads each rule binds",
      responses: {
        200: { description: '{items: [{country, regions, callingTimeZones, callingRules, maxCallsPer24h, count}], rules: [{id, leads}], unprofiled, callPurpose, rulesVersion, profileDataVersion, reprofile: {current, stored, upToDate, afterLeadId}}' },
        404: error,
      },
    },
  },
  '/calling-rules': {
    get: {
      ...authed,
      summary: 'The calling rules (versioned data): hours per ISO weekday, holidays of last year, this year and next, call caps, scope, source and the date each was checked',
      responses: { 200: returns('{version, rules, profileDataVersion}', 'CallingRules') },
    },
  },
  '/campaigns/{id}/leads': {
    get: { ...authed, parameters: [idParam('id'), ...queryParams(ListLeadsQuerySchema)], summary: 'Leads of a campaign, secondary contacts in call order; with callableAt, only those that may be called at that instant; with suppressed=true, only those on the do-not-call list', responses: { 200: returns('A page of leads', 'LeadPage'), 400: error, 404: error } },
  },
  '/campaigns/{id}/leads/existing': {
    post: {
      ...authed,
      summary: 'Which of these E.164 numbers (at most 10,000) the campaign already has: the preview counts rows that will create, update or fill',
      parameters: [idParam('id')],
      requestBody: body('ExistingLeads'),
      responses: { 200: { description: '{existing: string[]}', content: { 'application/json': { schema: { type: 'object', properties: { existing: { type: 'array', items: { type: 'string' } } } } } } }, 400: error, 404: error, 413: error },
    },
  },
  '/campaigns/{id}/mappings/match': {
    post: {
      ...authed,
      summary: 'The mapping a file with these headers gets in this campaign: a remembered one (same headers first, else per header from the most recent mapping that had it, this campaign before the workspace) or automatic matching',
      parameters: [idParam('id')],
      requestBody: { required: true, content: { 'application/json': { schema: schema(MatchMappingSchema) } } },
      responses: {
        200: { description: "{mapping: {columns}, source: {id, fileName, savedAt, scope: 'campaign'|'workspace'} | null, match: 'exact'|'overlap'|null, remembered: number[] (columns taken from the saved mapping), suggested: number[] (columns proposed as secondary phones)}" },
        400: error,
        404: error,
      },
    },
  },
  '/mappings': {
    get: { ...authed, summary: 'Remembered column mappings of the workspace (the 50 most recent), saved when an import is created', responses: { 200: { description: '{items: [{id, campaignId, fileName, headers, mapping: {columns}, savedAt}]}' }, 401: error } },
  },
  '/mappings/{id}': {
    delete: { ...authed, summary: 'Forget a remembered mapping', parameters: [idParam('id')], responses: { 204: { description: 'Forgotten' }, 404: error } },
  },
};
