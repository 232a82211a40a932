/**
 * How the bench prints: every result line is `<part> <size>: <figures> | target <target> → met`
 * (or `→ NOT MET`), so the summary and a reader can grep them; details follow, indented.
 */
export interface PartOutput {
  /** Result lines, each ending with its target and verdict. */
  results: string[];
  /** Supporting figures (indented when printed, not repeated in the summary). */
  details: string[];
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const label = (rows: number): string => (rows >= 1e6 ? `${rows / 1e6}M` : rows >= 1e3 ? `${rows / 1e3}k` : String(rows));

export function resultLine(prefix: string, figures: string, target: string, met: boolean): string {
  return `${prefix}: ${figures} | target ${target} → ${met ? 'met' : 'NOT MET'}`;
}

export const RESULT_LINE = /^[a-z-]+( [0-9.]+[kM]?)?( [a-z-]+)?: /;
