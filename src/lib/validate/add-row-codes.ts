/** Error counts by code, in rows: a row with two bad secondary phones counts once for that code. */
export function addRowCodes(errors: readonly { code: string }[], into: Record<string, number>): void {
  for (let k = 0; k < errors.length; k++) {
    const code = errors[k]!.code;
    let first = true;
    for (let j = 0; j < k && first; j++) if (errors[j]!.code === code) first = false;
    if (first) into[code] = (into[code] ?? 0) + 1;
  }
}
