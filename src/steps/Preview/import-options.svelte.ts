/** The import's options, kept by the wizard while the user goes back and forth between steps. */
export class ImportOptions {
  ignoreErrors = $state(false);
  notifyEmail = $state('');
}
