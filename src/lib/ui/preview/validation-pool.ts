/**
 * Validation spread over several Web Workers (navigator.hardwareConcurrency of them, at most 4):
 * phone parsing is the cost, so a million rows validate in parallel while the preview worker keeps
 * parsing. Batches go round-robin; each answer comes back to the promise of its batch. Rows travel
 * packed (one JSON text per batch, as the page gets them), which costs the preview worker, the
 * pipeline's one serial step, a string copy instead of structured-cloning every row.
 */
import type { ConsentPolicy } from '../../consent/consent-policy.ts';
import type { AssistantConfig, ColumnMapping, RowError } from '../../types.ts';
import type { PackedRows } from './row-store.ts';
import type { PhoneFacts } from './phone-facts.ts';

export type PoolRequest =
  | {
      type: 'config';
      assistant: AssistantConfig;
      headers: string[];
      mapping: ColumnMapping | null;
      defaultCountry?: string;
      blockedPhoneTypes: string[];
      consentPolicy?: ConsentPolicy;
      startedAt?: number;
    }
  | { type: 'validate'; id: number; packed: PackedRows };

/** Per row of the batch: its own errors (null when none) and its primary number when valid. */
export interface PoolResult {
  id: number;
  errors: (RowError[] | null)[];
  numbers: (string | null)[];
  /** Each row's primary number: country, type, zone set, extension (also on rows with other errors). */
  facts: PhoneFacts;
  /** Rows (by position in the batch) whose lead has secondary contacts: their numbers, in contact order. Sparse. */
  secondaries: Record<number, string[]>;
}

export interface ValidationPool {
  readonly size: number;
  configure(config: Extract<PoolRequest, { type: 'config' }>): void;
  validate(packed: PackedRows): Promise<PoolResult>;
  stop(): void;
}

export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(4, cores));
}

export function createValidationPool(size: number, onError: (message: string) => void): ValidationPool {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' }));
  const waiting = new Map<number, (r: PoolResult) => void>();
  let next = 0;
  let turn = 0;
  for (const w of workers) {
    w.onmessage = (e: MessageEvent<PoolResult>) => {
      const resolve = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      resolve?.(e.data);
    };
    w.onerror = (e) => onError(e.message || 'a validation worker stopped');
  }
  return {
    size,
    configure(config) {
      for (const w of workers) w.postMessage(config);
    },
    validate(packed) {
      const id = next++;
      const worker = workers[turn++ % workers.length]!;
      return new Promise<PoolResult>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ type: 'validate', id, packed } satisfies PoolRequest);
      });
    },
    stop() {
      for (const w of workers) w.terminate();
      waiting.clear();
    },
  };
}
