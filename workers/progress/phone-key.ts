/** An E.164 number as an integer key (at most 15 digits, exact in a double): compact and fast to index. */
export function phoneKey(e164: string): number {
  return Number(e164.slice(1));
}
