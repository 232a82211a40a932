/**
 * A postal-code cell → its normal form for a lead of the US or Canada: a US ZIP code (5 digits, or
 * ZIP+4 kept as its 5 digits) or a Canadian postal code ("K1A 0B1"). Null when it is neither.
 */

const ZIP = /^(\d{5})(?:[-\s]?\d{4})?$/;
/** Canada Post: letter digit letter, digit letter digit; D F I O Q U never appear, W and Z never first. */
const CA_POSTAL = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])[\s-]?(\d[ABCEGHJ-NPRSTV-Z]\d)$/;

export type PostalCode = { country: 'US'; code: string } | { country: 'CA'; code: string };

export function parsePostalCode(text: string): PostalCode | null {
  const t = text.trim();
  if (t.length > 12) return null;
  const zip = ZIP.exec(t);
  if (zip) return { country: 'US', code: zip[1]! };
  const ca = CA_POSTAL.exec(t.toUpperCase());
  if (ca) return { country: 'CA', code: `${ca[1]} ${ca[2]}` };
  return null;
}

/**
 * The province(s) of a Canadian postal code from its first letter (Canada Post's forward sortation
 * areas): X is shared by the Northwest Territories and Nunavut, so both are candidates.
 */
const CA_FIRST_LETTER: Record<string, readonly string[]> = {
  A: ['CA-NL'], B: ['CA-NS'], C: ['CA-PE'], E: ['CA-NB'], G: ['CA-QC'], H: ['CA-QC'], J: ['CA-QC'],
  K: ['CA-ON'], L: ['CA-ON'], M: ['CA-ON'], N: ['CA-ON'], P: ['CA-ON'], R: ['CA-MB'], S: ['CA-SK'],
  T: ['CA-AB'], V: ['CA-BC'], X: ['CA-NT', 'CA-NU'], Y: ['CA-YT'],
};

export function provincesOfPostalCode(code: string): readonly string[] {
  return CA_FIRST_LETTER[code[0] ?? ''] ?? [];
}
