/** Starts the preview worker (the URL must stay relative for Vite to bundle it). */
import type { FromWorker, ToWorker } from './protocol.ts';
import { FILE_ERRORS } from '../../validate/file-messages.ts';

export interface PreviewWorker {
  /** `transfer`: buffers handed over to the worker (the page keeps no copy). */
  send(msg: ToWorker, transfer?: Transferable[]): void;
  stop(): void;
}

export function startPreviewWorker(onMessage: (msg: FromWorker) => void): PreviewWorker {
  const worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => onMessage({ type: 'failed', error: FILE_ERRORS.previewStopped(e.message) });
  return {
    send: (msg, transfer = []) => worker.postMessage(msg, transfer),
    stop: () => worker.terminate(),
  };
}
