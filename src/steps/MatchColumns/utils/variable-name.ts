/** A variable name proposed for a column ("Postal Code" → postal_code), as the assistant's schema allows. */
const RESERVED = /^(phone_number|secondary_|error_)/i;

export function variableNameFor(header: string): string {
  let name = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  if (!/^[a-z]/.test(name)) name = `field_${name}`.slice(0, 64).replace(/_+$/, '');
  if (RESERVED.test(name)) name = `lead_${name}`.slice(0, 64);
  return name === 'field' ? 'field_1' : name;
}
