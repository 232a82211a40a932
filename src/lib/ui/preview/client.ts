/** Starts the preview worker (the URL must stay relative for Vite to bundle it). */
import type { FromWorker, ToWorker } from './protocol.ts';

export interface PreviewWorker {
  send(msg: ToWorker): void;
  stop(): void;
}

export function startPreviewWorker(onMessage: (msg: FromWorker) => void): PreviewWorker {
  const worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => onMessage({ type: 'failed', error: { code: 'FILE_CORRUPT', message: `The preview stopped: ${e.message}` } });
  return {
    send: (msg) => worker.postMessage(msg),
    stop: () => worker.terminate(),
  };
}
