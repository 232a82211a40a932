import { applyD1Migrations, env } from 'cloudflare:test';
import { shardCount, shardDb } from '../../workers/leads/shards.ts';

// Setup files run outside per-test storage and may run more than once; applying migrations is idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
for (let shard = 0; shard < shardCount(env); shard++) await applyD1Migrations(shardDb(env, shard), env.TEST_LEADS_MIGRATIONS);
