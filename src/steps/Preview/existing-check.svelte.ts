/**
 * The preview's background check of which valid numbers the campaign already has: started after
 * validation and again whenever the rows change, the previous run cancelled. Answers are kept per
 * number for the file, so a cell edit asks only about its new number.
 */
import { api, errorMessage } from '#lib/ui/api.ts';
import { findExisting, type ExistingLookup } from '#lib/ui/preview/existing.ts';

export class ExistingCheck {
  /** 'checking' while the server is asked; 'failed' with `error`; 'done' with `numbers` and `existing`. */
  state = $state<'idle' | 'checking' | 'done' | 'failed'>('idle');
  error = $state<string | null>(null);
  /** The valid rows' numbers of the last finished check (not reactive per element). */
  numbers = $state.raw<string[]>([]);
  existing = $state.raw<ReadonlySet<string>>(new Set());

  private controller: AbortController | null = null;
  private known = new Map<string, boolean>();
  private scope = '';

  /** Checks the numbers `load` gives; `scope` (campaign and file) changing forgets earlier answers. */
  async run(campaignId: string, scope: string, load: () => Promise<string[]>): Promise<void> {
    this.cancel();
    if (scope !== this.scope) {
      this.known = new Map();
      this.scope = scope;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.state = 'checking';
    this.error = null;
    const lookup: ExistingLookup = async (numbers, signal) => {
      const res = await api().campaigns[':id'].leads.existing.$post({ param: { id: campaignId }, json: { phoneNumbers: numbers } }, { init: { signal } });
      if (!res.ok) throw new Error(await errorMessage(res, 'The numbers already in the campaign could not be checked'));
      return (await res.json()).existing;
    };
    try {
      const numbers = await load();
      controller.signal.throwIfAborted();
      const existing = await findExisting(numbers, lookup, controller.signal, this.known);
      this.numbers = numbers;
      this.existing = existing;
      this.state = 'done';
    } catch (e) {
      if (controller.signal.aborted) return;
      this.state = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Stops a running check (its answer would be stale). */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }

  /** Stops and forgets the counts (the rows are being read or revalidated, the step is left). */
  reset(): void {
    this.cancel();
    this.state = 'idle';
  }
}
