import { defineConfig } from 'drizzle-kit';

// The leads shards (LEADS_0 … LEADS_{N-1}): their own schema and migrations folder, applied to every shard.
export default defineConfig({
  dialect: 'sqlite',
  schema: './workers/leads/schema.ts',
  out: './drizzle-leads',
});
