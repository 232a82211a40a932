/**
 * An import's configuration and state in its Durable Object's storage. Every save re-arms the
 * watchdog and publishes the new view as live progress. An ended import keeps an alarm until its
 * end is recorded in D1 and announced (`announced`): a crash in between is retried by the alarm.
 */
import { isRunning, type ImportView } from '../../src/lib/import-view.ts';
import type { LiveProgress } from './live-progress.ts';
import { alarmDelay } from './watchdog.ts';
import { toView, type ImportConfig, type State } from './state.ts';

export class StoredImport {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly live: LiveProgress,
  ) {}

  async load(): Promise<{ config: ImportConfig; state: State }> {
    const [config, state] = await Promise.all([this.storage.get<ImportConfig>('config'), this.storage.get<State>('state')]);
    if (!config || !state) throw new Error('import not initialised');
    return { config, state };
  }

  /** Stores the state, re-arms the watchdog and publishes it; an end is announced (see `announce`). */
  async save(config: ImportConfig, state: State): Promise<ImportView> {
    const ended = !isRunning(state.status);
    // An end is stored unannounced and the alarm re-armed for it: should recording it below not
    // happen (a crash, D1 failing), the alarm does it. (A running import's alarm is armed already.)
    const stored = ended ? { ...state, announced: false } : state;
    const delay = alarmDelay(stored);
    await this.storage.put('state', stored);
    if (delay === null) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(Date.now() + delay);
    const view = toView(config, stored);
    await this.live.publish(config.workspaceId, stored.phase, view);
    if (ended) await this.markAnnounced(stored);
    return view;
  }

  /** Records and announces an ended import's end again if it was not (idempotent: one event per end). */
  async announce(config: ImportConfig, state: State): Promise<ImportView> {
    const view = toView(config, state);
    if (isRunning(state.status) || state.announced) return view;
    await this.live.publish(config.workspaceId, state.phase, view);
    await this.markAnnounced(state);
    return view;
  }

  private async markAnnounced(state: State): Promise<void> {
    await this.storage.put('state', { ...state, announced: true });
    await this.storage.deleteAlarm();
  }

  /** From now on the queue drives the import, not the request that started it. */
  async leaveInline(config: ImportConfig): Promise<void> {
    if (!config.inline) return;
    config.inline = false;
    await this.storage.put('config', config);
  }
}
