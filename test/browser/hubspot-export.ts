/**
 * A HubSpot-style contacts export, generated: a title line and a blank line above the header,
 * "Mobile Phone Number" filled in mixed formats and "Phone Number" filled in 4 rows only, email and
 * address columns, two numbers repeated further down. With `bad`: 30 rows, three of them bad
 * ("N/A", "call after 5", a premium-rate 900 number); without: the 28 rows that are not bad.
 */
export interface HubspotExport {
  csv: string;
  /** Data row numbers (1 = first row under the header) of the bad rows (only with `bad`). */
  rows: { na: number; callAfter: number; premium: number };
  /** E.164 numbers of three rows that are neither bad nor repeated (to put in the campaign first). */
  existing: string[];
  /** A row with both phone columns filled: its numbers. */
  withSecondary: { primary: string; secondary: string };
}

const HEADER = ['First Name', 'Last Name', 'Company', 'Mobile Phone Number', 'Phone Number', 'Email', 'Lifecycle Stage', 'State/Region', 'Postal Code'];
const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Row i's mobile number, in one of five formats people and CRMs write. */
function mobile(i: number): string {
  const n = String(3000 + i);
  switch (i % 5) {
    case 0:
      return `(415) 200-${n}`;
    case 1:
      return `415.200.${n}`;
    case 2:
      return `+1 415 200 ${n}`;
    case 3:
      return `415200${n}.0`;
    default:
      return `415-200-${n} ext 12`;
  }
}
const e164 = (i: number) => `+1415200${3000 + i}`;

export function hubspotExport({ bad }: { bad: boolean }): HubspotExport {
  const rows: string[][] = [];
  for (let i = 1; i <= 30; i++) {
    if (!bad && (i === 7 || i === 13)) continue;
    let phone = mobile(i);
    if (i === 22) phone = '+44 20 7946 0958';
    if (i === 25) phone = `415-200-${3000 + 3}`; // row 3 again, written another way
    if (i === 28) phone = `(415) 200-${3000 + 6}`; // row 6 again
    if (bad && i === 7) phone = 'N/A';
    if (bad && i === 13) phone = 'call after 5';
    if (i === 19) phone = bad ? '+1 900 555 0123' : mobile(19);
    const office = [2, 9, 15, 21].includes(i) ? `(650) 200-${4000 + i}` : '';
    const [first, last] = i === 7 ? ['Na', 'Row'] : [`Ann${i}`, `Lee${i}`];
    rows.push([first, last, i === 5 ? 'Acme, Inc.' : `Company ${i}`, phone, office, `${first}.${last}@example.com`.toLowerCase(), i % 2 ? 'Lead' : 'Customer', 'CA', '94107']);
  }
  const lines = ['Contacts export — HubSpot, 7 Dec 2026', '', HEADER.join(','), ...rows.map((r) => r.map(quote).join(','))];
  return {
    csv: `${lines.join('\r\n')}\r\n`,
    rows: { na: 7, callAfter: 13, premium: 19 },
    existing: [e164(4), e164(10), e164(16)],
    withSecondary: { primary: e164(2), secondary: '+16502004002' },
  };
}
