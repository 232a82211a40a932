/**
 * The workbook reader Worker: reads Excel workbooks (SheetJS) for the API Worker, which reaches it
 * through the service binding WORKBOOK_READER (RPC). A crafted workbook that hangs, blows up or
 * pollutes the runtime does so in this isolate, which serves nothing else; the API isolate only
 * ever sees frames of rows or a file error (workers/intake/read-workbook.ts).
 */
import { WorkerEntrypoint } from 'cloudflare:workers';
import { hardenRuntime } from '../security/harden.ts';
import type { WorkbookRequest } from '../intake/workbook-frames.ts';
import { workbookFramesOf } from './workbook-frames-of.ts';

// Still frozen here: a polluted prototype would otherwise carry over to the next workbook this isolate reads.
hardenRuntime();

export default class WorkbookReader extends WorkerEntrypoint {
  /** The workbook in `body`, read as workers/intake/workbook-frames.ts describes. */
  read(body: ReadableStream<Uint8Array>, request: WorkbookRequest): ReadableStream<Uint8Array> {
    return workbookFramesOf(body, request);
  }

  /** For the API's /health: the reader is deployed and answers. */
  ping(): string {
    return 'ok';
  }

  /** Not reachable from outside: no route, only the RPC method above. */
  fetch(): Response {
    return new Response('Not found', { status: 404 });
  }
}
