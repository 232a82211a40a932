/**
 * Live progress of one import: every change is sent to the WebSockets watching it (hibernated
 * between updates) and recorded in the import's D1 row, which listings read, by the lifecycle
 * (workers/lifecycle), which also announces the import's end.
 */
import type { Env } from '../env.ts';
import { isRunning, type ImportView } from '../../src/lib/import-view.ts';
import { recordImportState } from '../lifecycle/import-lifecycle.ts';

export class LiveProgress {
  /** When the D1 read model was last brought up to date, and with which status and phase. */
  private mirrored: { at: number; status: string; phase: string } | null = null;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {}

  /**
   * Publishes a change. Listings read D1: a running import's counters are copied at most once a
   * second (its own GET asks the Durable Object), every change of status or phase at once, and an
   * ended import's every time (the end is recorded and announced, or the caller retries).
   */
  async publish(workspaceId: string, phase: string, view: ImportView): Promise<void> {
    const now = Date.now();
    const m = this.mirrored;
    if (!m || m.status !== view.status || m.phase !== phase || now - m.at >= 1000 || !isRunning(view.status)) {
      await recordImportState(this.env, workspaceId, view);
      this.mirrored = { at: now, status: view.status, phase };
    }
    this.broadcast(view);
  }

  /** Accepts a watcher's WebSocket and sends it the current state (when there is one yet). */
  async accept(request: Request, current: () => Promise<ImportView>): Promise<Response> {
    if (request.headers.get('Upgrade') !== 'websocket') return new Response('expected a WebSocket', { status: 426 });
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    try {
      pair[1].send(JSON.stringify(await current()));
    } catch {
      /* not initialised yet: the first update will come */
    }
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  /** A watcher left: close our end too. */
  close(ws: WebSocket, code: number): void {
    try {
      ws.close(code, 'closing');
    } catch {
      /* already closed */
    }
  }

  private broadcast(view: ImportView): void {
    const text = JSON.stringify(view);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        /* a closed socket is dropped by the runtime */
      }
    }
  }
}
