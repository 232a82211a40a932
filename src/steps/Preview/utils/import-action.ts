/**
 * What the import button says, and the note beside it, so the user knows what pressing it does:
 * with errors and "Ignore errors" off the import imports nothing and hands back the error report.
 */
export interface ImportAction {
  label: string;
  note: string;
  /** The press imports nothing (it only produces the error report). */
  reportOnly: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const rows = (n: number) => `${fmt(n)} ${n === 1 ? 'row' : 'rows'}`;
const leads = (n: number) => `${fmt(n)} ${n === 1 ? 'lead' : 'leads'}`;

export function importAction(totalRows: number, invalidRows: number, ignoreErrors: boolean): ImportAction {
  const good = totalRows - invalidRows;
  if (invalidRows === 0) return { label: `Import ${leads(totalRows)}`, note: `Every row is ready: ${leads(totalRows)} will be added to the campaign.`, reportOnly: false };
  if (ignoreErrors) {
    if (good === 0) {
      return { label: 'Get the error report (nothing to import)', note: `Every row has an error, so nothing will be imported; the error report lists the ${rows(invalidRows)} to fix.`, reportOnly: true };
    }
    return {
      label: `Import ${leads(good)}, skip ${rows(invalidRows)}`,
      note: `The ${rows(good)} without errors will be imported. The ${rows(invalidRows)} with errors will be skipped and listed in an error report you can fix and import again.`,
      reportOnly: false,
    };
  }
  const have = invalidRows === 1 ? '1 row has an error' : `${fmt(invalidRows)} rows have errors`;
  return {
    label: 'Get the error report (nothing is imported)',
    note:
      good > 0
        ? `"Ignore errors" is off and ${have}, so nothing will be imported: you will get a report listing every problem. To import the ${rows(good)} without errors now, turn on "Ignore errors", or fix the rows above first.`
        : `"Ignore errors" is off and every row has an error, so nothing will be imported: you will get a report listing every problem. Fix the rows above first.`,
    reportOnly: true,
  };
}
