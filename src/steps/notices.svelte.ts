/** What the wizard tells the user above every step: the current problem and what it is doing. */
import type { Notices } from '#lib/ui/preview/session.svelte.ts';

export class WizardNotices implements Notices {
  error = $state<string | null>(null);
  status = $state('');
}
