/** The session's requests to the preview worker that wait for something: the suppression list's delivery, and the valid numbers. */
import type { PreviewWorker } from './client.ts';

/**
 * Hands the suppression list to the worker (which checks the rows it has shown when it arrives),
 * or why there is none: no list to check, a failed fetch, or one slower than `timeoutMs` (the
 * server still checks at import).
 */
export async function sendSuppressions(worker: PreviewWorker, fetchList: (() => Promise<ArrayBuffer>) | null, timeoutMs: number): Promise<void> {
  if (!fetchList) {
    worker.send({ type: 'suppressions', bytes: null, error: null });
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The suppression list took too long to arrive.')), timeoutMs);
  });
  try {
    const bytes = await Promise.race([fetchList(), late]);
    worker.send({ type: 'suppressions', bytes, error: null }, [bytes]);
  } catch (e) {
    worker.send({ type: 'suppressions', bytes: null, error: e instanceof Error ? e.message : String(e) });
  } finally {
    clearTimeout(timer);
  }
}

/** Questions for the valid rows' primary numbers, each answered by the worker's 'numbers' message of its id. */
export class NumberRequests {
  private waiting = new Map<number, (numbers: string[]) => void>();
  private next = 0;

  /** The valid numbers as the worker has them now; [] when no worker reads a file. */
  ask(worker: PreviewWorker | null): Promise<string[]> {
    if (!worker) return Promise.resolve([]);
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.send({ type: 'numbers', id });
    });
  }

  answer(id: number, numbers: string[]): void {
    this.waiting.get(id)?.(numbers);
    this.waiting.delete(id);
  }

  /** Another file replaces this one: every open question is answered with no numbers. */
  cancelAll(): void {
    for (const resolve of this.waiting.values()) resolve([]);
    this.waiting.clear();
  }
}
