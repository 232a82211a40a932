import type { OnExisting } from '#lib/import-view.ts';

/** The import's options, kept by the wizard while the user goes back and forth between steps. */
export class ImportOptions {
  ignoreErrors = $state(false);
  notifyEmail = $state('');
  /** What a row whose number the campaign already has does: skip (report it), update, or fill blanks. */
  onExisting = $state<OnExisting>('skip');
}
