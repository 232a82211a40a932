/** The numbers typed in the add form: one per line, or separated by commas or semicolons; blanks dropped. */
export function splitNumbers(text: string): string[] {
  return text
    .split(/[\r\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
