/**
 * How retention walks what is due: page by page, each item handled on its own (a failure is
 * skipped with OFFSET and retried by a later run), within one budget of items per invocation shared
 * by every step, so a run never passes an invocation's subrequest limit; a run that spends its
 * budget says so, and its caller queues a continuation (retention.ts).
 */

/** Items handled per invocation (each costs about ten R2, D1 and Durable Object calls). */
export const RETENTION_ITEMS_PER_INVOCATION = 300;

/** The items one invocation may still handle, shared by its steps. */
export class RetentionBudget {
  /** A step stopped with items possibly left because the budget ran out. */
  exhausted = false;
  /** Items handled without failure. */
  handled = 0;

  constructor(public left: number = RETENTION_ITEMS_PER_INVOCATION) {}
}

/**
 * Pages through the rows `select` returns (ordered, so that rows whose handling failed, which stay
 * selected, are skipped with OFFSET), handling each while the budget lasts; returns the sum of
 * `handle`, or throws once the others are done if any failed.
 */
export async function forEachDue<T>(
  select: (limit: number, offset: number) => Promise<T[]>,
  handle: (item: T) => Promise<number>,
  page: number,
  budget: RetentionBudget,
): Promise<number> {
  let total = 0;
  let failed = 0;
  let lastError: unknown;
  for (;;) {
    if (budget.left <= 0) {
      budget.exhausted = true;
      break;
    }
    const want = Math.min(page, budget.left);
    const items = await select(want, failed);
    for (const item of items) {
      budget.left--;
      try {
        total += await handle(item);
        budget.handled++;
      } catch (err) {
        failed++;
        lastError = err;
      }
    }
    if (items.length < want) break;
  }
  if (failed) throw lastError;
  return total;
}
