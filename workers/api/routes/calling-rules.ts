/** GET /calling-rules: the versioned table of calling rules (src/lib/calling/rules), with the data versions of where leads are placed. */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { can } from '../middleware/can.ts';
import { callingRulesResource } from '../../../src/lib/calling/rules/rules-resource.ts';
import { profileDataVersion } from '../../../src/lib/calling/profile-data-version.ts';

export const callingRuleRoutes = new Hono<AppEnv>().get('/', can('calling_rules.read'), (c) =>
  c.json({ ...callingRulesResource(new Date()), profileDataVersion: profileDataVersion() }),
);
