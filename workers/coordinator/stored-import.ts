/**
 * An import's configuration and state in its Durable Object's storage. Every save re-arms the
 * watchdog (an ended import needs none) and publishes the new view as live progress.
 */
import type { ImportView } from '../../src/lib/import-view.ts';
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

  /** Stores the state, re-arms the watchdog and publishes it. */
  async save(config: ImportConfig, state: State): Promise<ImportView> {
    await this.storage.put('state', state);
    const delay = alarmDelay(state);
    if (delay === null) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(Date.now() + delay);
    const view = toView(config, state);
    await this.live.publish(config.workspaceId, state.phase, view);
    return view;
  }

  /** From now on the queue drives the import, not the request that started it. */
  async leaveInline(config: ImportConfig): Promise<void> {
    if (!config.inline) return;
    config.inline = false;
    await this.storage.put('config', config);
  }
}
