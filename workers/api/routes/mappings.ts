/**
 * Remembered column mappings: what a campaign's next file with these headers would be matched to
 * (and from which earlier file), the workspace's saved mappings, and forgetting one.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { LIMITS } from '../../../src/lib/limits.ts';
import { autoMapWithSuggestions } from '../../../src/lib/map/columns.ts';
import { jsonBody } from '../validate.ts';
import { notFound } from '../errors.ts';
import { campaignWithAssistant } from '../../campaigns/campaigns.ts';
import { assistantConfig } from '../../assistants/assistants.ts';
import { deleteMapping, listMappings, matchMapping } from '../../mappings/saved-mappings.ts';
import { limitMappingMatches } from '../../limits/rate-limit.ts';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const MatchMappingSchema = v.object({
  headers: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.maxCellLength))), v.minLength(1), v.maxLength(LIMITS.maxColumns)),
});

/** POST /campaigns/{id}/mappings/match */
export const campaignMappingRoutes = new Hono<AppEnv>().post('/:id/mappings/match', can('mappings.read'), jsonBody(MatchMappingSchema, LIMITS.maxImportCreateBytes), async (c) => {
  const workspaceId = c.get('workspaceId');
  await limitMappingMatches(c.env, workspaceId);
  const { campaign, assistant } = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
  const config = assistantConfig(assistant);
  const { headers } = c.req.valid('json');
  const auto = autoMapWithSuggestions(headers, config);
  const remembered = await matchMapping(c.env, workspaceId, campaign.id, headers, config);
  if (!remembered) return c.json({ mapping: auto.mapping, source: null, match: null, remembered: [], suggested: auto.suggested });
  // A suggestion stays one only where the remembered mapping left the automatic choice in place.
  const suggested = auto.suggested.filter((i) => !remembered.remembered.includes(i));
  return c.json({ ...remembered, suggested });
});

/** GET /mappings, DELETE /mappings/{id} */
export const mappingRoutes = new Hono<AppEnv>()
  .get('/', can('mappings.read'), async (c) => {
    const items = await listMappings(c.env, c.get('workspaceId'));
    return c.json({ items: items.map((m) => ({ id: m.id, campaignId: m.campaignId, fileName: m.fileName, headers: m.headers, mapping: { columns: m.targets }, savedAt: m.savedAt })) });
  })
  .delete('/:id', can('mappings.write'), async (c) => {
    if (!(await deleteMapping(c.env, c.get('workspaceId'), c.req.param('id')))) throw notFound('Mapping');
    return c.body(null, 204);
  });
