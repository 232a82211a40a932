/**
 * What the wizard tells the person: the current problem, where it belongs (the step or control
 * that caused it, where the page shows it and moves focus), and what it is doing.
 */
import type { NoticePlace, Notices } from '#lib/ui/preview/session.svelte.ts';

export class WizardNotices implements Notices {
  error = $state<string | null>(null);
  where = $state<NoticePlace | null>(null);
  code = $state<string | null>(null);
  status = $state('');
  /** Bumped by every failure, so the same message shown again is focused again. */
  serial = $state(0);

  fail(message: string, where: NoticePlace, code: string | null = null): void {
    this.error = message;
    this.where = where;
    this.code = code;
    this.serial++;
  }

  clear(): void {
    this.error = null;
    this.where = null;
    this.code = null;
  }

  /** The error when it belongs to `place`, else null. */
  at(place: NoticePlace): string | null {
    return this.where === place ? this.error : null;
  }
}
