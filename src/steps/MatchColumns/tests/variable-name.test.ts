import { describe, expect, it } from 'vitest';
import { variableNameFor } from '../utils/variable-name.ts';

describe('variableNameFor', () => {
  it('turns a header into a variable name the assistant accepts', () => {
    expect(variableNameFor('Postal Code')).toBe('postal_code');
    expect(variableNameFor('E-mail ')).toBe('e_mail');
    expect(variableNameFor('Société')).toBe('societe');
    expect(variableNameFor('2nd note')).toBe('field_2nd_note');
    expect(variableNameFor('Phone Number')).toBe('lead_phone_number');
    expect(variableNameFor('***')).toBe('field_1');
    expect(variableNameFor('x'.repeat(100))).toHaveLength(64);
  });
});
