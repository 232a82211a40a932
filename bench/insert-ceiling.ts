/**
 * Bench-only: the raw multi-row INSERT ceiling of the leads table (of the shard LEADS_0), measured inside the Worker.
 * Served at `POST /api/v1/_bench/insert-ceiling?rows=N` by the bench's own Worker (bench/worker.ts) only.
 *
 * Inserts `rows` synthetic leads into a throwaway campaign with multi-row INSERT statements of at
 * most 100 bound parameters (9 columns → 11 rows a statement) sent in `db.batch()` batches of 5,000
 * rows. Only the inserts are timed; the throwaway rows are deleted before and after (untimed), so
 * the table is left as it was.
 */
const COLUMNS = ['workspace_id', 'campaign_id', 'phone', 'phone_country', 'phone_type', 'variables', 'import_id', 'source_row', 'created_at'] as const;
const ROWS_PER_STATEMENT = Math.floor(100 / COLUMNS.length); // 11
const ROWS_PER_BATCH = 5_000;
export const CEILING_WORKSPACE = 'ws_bench_ceiling';
export const CEILING_CAMPAIGN = 'cmp_bench_ceiling';

function insertSql(rows: number): string {
  const tuple = `(${COLUMNS.map(() => '?').join(',')})`;
  return `INSERT INTO leads (${COLUMNS.join(',')}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`;
}

async function cleanup(db: D1Database): Promise<void> {
  // In slices, so no single statement runs for long.
  for (;;) {
    const r = await db
      .prepare('DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE campaign_id = ? LIMIT 50000)')
      .bind(CEILING_CAMPAIGN)
      .run();
    if (!r.meta.changes) break;
  }
}

export async function insertCeiling(db: D1Database, rows: number): Promise<{ ms: number; rows: number; statements: number; batches: number }> {
  rows = Math.max(1, Math.min(Math.floor(rows) || 0, 2_000_000));
  await cleanup(db);
  const full = db.prepare(insertSql(ROWS_PER_STATEMENT));
  const createdAt = new Date().toISOString();
  const importId = 'imp_bench_ceiling';
  let statements = 0;
  let batches = 0;
  const start = Date.now();
  for (let base = 0; base < rows; base += ROWS_PER_BATCH) {
    const end = Math.min(rows, base + ROWS_PER_BATCH);
    const batch: D1PreparedStatement[] = [];
    for (let i = base; i < end; i += ROWS_PER_STATEMENT) {
      const n = Math.min(ROWS_PER_STATEMENT, end - i);
      const params: (string | number)[] = [];
      for (let k = i; k < i + n; k++) {
        params.push(
          CEILING_WORKSPACE,
          CEILING_CAMPAIGN,
          `+1555${String(k).padStart(7, '0')}`,
          'US',
          'MOBILE',
          `{"customer_name":"Bench Lead ${k}","company":"Acme, Inc.","budget_range":"unknown"}`,
          importId,
          k + 1,
          createdAt,
        );
      }
      batch.push((n === ROWS_PER_STATEMENT ? full : db.prepare(insertSql(n))).bind(...params));
    }
    statements += batch.length;
    batches++;
    await db.batch(batch);
  }
  const ms = Date.now() - start;
  await cleanup(db);
  return { ms, rows, statements, batches };
}
