/**
 * What the import button says, and the note beside it, so the user knows what pressing it does:
 * with errors and "Ignore errors" off the import imports nothing and hands back the error report.
 * Once the campaign's existing numbers are known (existing.ts), it says how many rows create a
 * lead and how many update or fill one; under "Skip" those rows are errors (DUPLICATE_EXISTING).
 */
import type { ExistingCounts } from '#lib/ui/preview/existing.ts';

export interface ImportAction {
  label: string;
  note: string;
  /** The press imports nothing (it only produces the error report). */
  reportOnly: boolean;
  /**
   * With "Ignore errors" off, when the only problems are rows that would be skipped anyway (a number
   * earlier in the file, or already in the campaign under "Skip"): the one click that imports the
   * rest (this import with ignore errors on), offered before the report-only press.
   */
  offer?: { label: string };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const rows = (n: number) => `${fmt(n)} ${n === 1 ? 'row' : 'rows'}`;
const leads = (n: number) => `${fmt(n)} ${n === 1 ? 'lead' : 'leads'}`;
const isAre = (n: number) => (n === 1 ? 'is' : 'are');

/** "create 5, update 3" (empty when nothing exists yet). */
function split(e: ExistingCounts): string {
  if (e.update) return `create ${fmt(e.create)}, update ${fmt(e.update)}`;
  if (e.fill) return `create ${fmt(e.create)}, fill ${fmt(e.fill)}`;
  return '';
}

/** What the good rows do to the campaign, as a sentence's object. */
function what(e: ExistingCounts | null, good: number): string {
  if (!e || (!e.update && !e.fill)) return `${leads(good)} will be added to the campaign`;
  const changed = e.update ? `${leads(e.update)} already in it updated` : `the blanks of ${leads(e.fill)} already in it filled in`;
  return `${leads(e.create)} will be added to the campaign and ${changed}`;
}

/**
 * `existing` is null while the campaign's numbers are being checked (or could not be): the label
 * then counts rows as before.
 */
export function importAction(totalRows: number, invalidRows: number, ignoreErrors: boolean, existing: ExistingCounts | null = null, duplicateOnlyRows = 0): ImportAction {
  const skipped = existing?.skip ?? 0;
  // Under "Skip" the server refuses rows already in the campaign as DUPLICATE_EXISTING: they fail like errors.
  const failing = invalidRows + skipped;
  const good = totalRows - failing;
  const parts = existing ? split(existing) : '';
  const already = `${rows(skipped)} already in the campaign`;
  if (failing === 0) {
    return { label: `Import ${leads(totalRows)}${parts ? `: ${parts}` : ''}`, note: `Every row is ready: ${what(existing, totalRows)}.`, reportOnly: false };
  }
  if (ignoreErrors) {
    if (good === 0) {
      const why = skipped === 0 ? 'Every row has an error' : invalidRows === 0 ? `Every row's number is already in the campaign` : 'Every row has an error or is already in the campaign';
      return { label: 'Get the error report (nothing to import)', note: `${why}, so nothing will be imported; the error report lists the ${rows(failing)}.`, reportOnly: true };
    }
    const skipping = [invalidRows ? `The ${rows(invalidRows)} with errors` : '', skipped ? `the ${already}` : ''].filter(Boolean).join(' and ');
    return {
      label: `Import ${leads(good)}${parts ? `: ${parts};` : ','} skip ${rows(failing)}`,
      note: `The ${rows(good)} without errors will be imported${parts ? `: ${what(existing, good)}` : ''}. ${skipping.charAt(0).toUpperCase()}${skipping.slice(1)} will be skipped and listed in an error report${invalidRows ? ' you can fix and import again' : ''}.`,
      reportOnly: false,
    };
  }
  if (invalidRows === duplicateOnlyRows && good > 0) {
    const skippedAnyway = [
      duplicateOnlyRows ? `${rows(duplicateOnlyRows)} repeat${duplicateOnlyRows === 1 ? 's' : ''} a number earlier in the file` : '',
      skipped ? `${rows(skipped)} ${isAre(skipped)} already in the campaign` : '',
    ].filter(Boolean).join(' and ');
    return {
      label: 'Get the error report only (nothing is imported)',
      note: `The only problems are rows that would be skipped anyway: ${skippedAnyway}. Import the other ${leads(good)} now; the skipped rows are listed in the import's report.`,
      reportOnly: true,
      offer: { label: `Import ${leads(good)}${parts ? `: ${parts};` : ','} skip ${rows(failing)}` },
    };
  }
  const problems = [
    invalidRows ? (invalidRows === 1 ? '1 row has an error' : `${fmt(invalidRows)} rows have errors`) : '',
    skipped ? `${already} ${isAre(skipped)} errors under "Skip"` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const ways = [skipped ? 'choose "Update" or "Fill in blanks"' : '', 'turn on "Ignore errors"', invalidRows ? 'fix or delete the rows above first' : ''].filter(Boolean);
  const fix = `${ways.slice(0, -1).join(', ')}, or ${ways.at(-1)}`;
  return {
    label: 'Get the error report (nothing is imported)',
    note:
      good > 0
        ? `"Ignore errors" is off and ${problems}, so nothing will be imported: you will get a report listing every problem. To import the ${rows(good)} ${skipped ? 'that are ready' : 'without errors'} now, ${fix}.`
        : `"Ignore errors" is off and ${problems}, so nothing will be imported: you will get a report listing every problem.${invalidRows ? ' Fix or delete the rows above first.' : ` Choose "Update" or "Fill in blanks" to change the leads instead.`}`,
    reportOnly: true,
  };
}
