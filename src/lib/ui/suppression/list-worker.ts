/** Starts the list-preview worker (the URL must stay relative for Vite to bundle it). */
import type { FromListWorker, ToListWorker } from './protocol.ts';

export interface ListWorker {
  send(msg: ToListWorker): void;
  stop(): void;
}

export function startListWorker(onMessage: (msg: FromListWorker) => void): ListWorker {
  const worker = new Worker(new URL('./list-preview.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromListWorker>) => onMessage(e.data);
  worker.onerror = (e) => onMessage({ type: 'failed', id: -1, error: { code: 'FILE_CORRUPT', message: `The preview stopped: ${e.message}` } });
  return {
    send: (msg) => worker.postMessage(msg),
    stop: () => worker.terminate(),
  };
}
