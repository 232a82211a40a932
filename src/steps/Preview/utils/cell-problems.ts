/** A row's problems placed on its cells, as the preview grid and the row's detail show them (names and guidance; codes apart). */
import { errorName } from '#lib/validate/error-names.ts';
import { withoutCodes } from '#lib/validate/people-text.ts';
import type { RowVerdict } from '#lib/ui/preview/protocol.ts';

export interface CellProblem {
  name: string;
  message: string;
  guidance: string;
  code: string;
}

/** Per column: the problems of that cell (empty where the cell is fine); `rest`: those no column names. */
export function cellProblems(verdict: RowVerdict, columnOf: ReadonlyMap<string, number>, columns: number): { cells: CellProblem[][]; rest: CellProblem[] } {
  const cells: CellProblem[][] = Array.from({ length: columns }, () => []);
  const rest: CellProblem[] = [];
  for (const e of verdict ?? []) {
    const problem = { name: errorName(e.code).name, message: withoutCodes(e.message), guidance: e.guidance, code: e.code };
    const c = e.column === undefined ? undefined : columnOf.get(e.column);
    if (c === undefined) rest.push(problem);
    else cells[c]!.push(problem);
  }
  return { cells, rest };
}

/** The row's problems by name, for its Problems cell: "Phone number not valid · Required value missing". */
export function problemNames(verdict: RowVerdict): string {
  return verdict ? [...new Set(verdict.map((e) => errorName(e.code).name))].join(' · ') : '';
}

/** One cell's problems as a sentence for screen readers (the tooltip shows the same). */
export function describeProblems(problems: readonly CellProblem[]): string {
  return problems.map((p) => `${p.name}: ${p.message} ${p.guidance}`).join(' ');
}
