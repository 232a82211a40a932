/** Countries as people read them in a select: "United Kingdom (GB)", sorted by name. */
const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

export function countryName(code: string): string {
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(codes: readonly string[]): { code: string; label: string }[] {
  return codes
    .map((code) => ({ code, label: `${countryName(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
