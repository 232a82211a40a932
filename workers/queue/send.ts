/** Sends queue messages in batches of 100, retrying the transient "overloaded" answers with backoff. */
const MAX_BATCH = 100;

export async function sendWithRetry<T>(queue: Queue<T>, messages: T[], attempts = 5): Promise<void> {
  for (let i = 0; i < messages.length; i += MAX_BATCH) {
    const batch = messages.slice(i, i + MAX_BATCH).map((body) => ({ body }));
    for (let attempt = 1; ; attempt++) {
      try {
        await queue.sendBatch(batch);
        break;
      } catch (err) {
        if (attempt >= attempts) throw err;
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }
}
