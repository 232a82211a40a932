/**
 * A row message as a person reads it in the app: without the codes the API's messages carry for
 * clients ("Reason code: TOO_SHORT.", "(PREMIUM_RATE)"). The codes stay in the API, the error
 * report and the app's small print.
 */
const REASON = / Reason code: [A-Z_]+\./g;
const TYPE_CODE = / \([A-Z][A-Z_]{2,}\)/g;

export function withoutCodes(message: string): string {
  return message.replace(REASON, '').replace(TYPE_CODE, '');
}
