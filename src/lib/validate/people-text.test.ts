import { describe, expect, it } from 'vitest';
import { phoneInvalid, phoneTypeBlocked } from './messages.ts';
import { withoutCodes } from './people-text.ts';

describe('withoutCodes', () => {
  it('drops the codes the API messages carry, and keeps the words', () => {
    expect(withoutCodes(phoneInvalid('Phone', '(415) 555', 'TOO_SHORT', 'US').message)).toBe('The phone number "(415) 555" in column "Phone" has too few digits (country: United States).');
    expect(withoutCodes(phoneTypeBlocked('Phone', '+1 900 555 0123', 'PREMIUM_RATE').message)).not.toMatch(/PREMIUM_RATE/);
  });

  it('reads a cell of the largest size full of near-matches (a quadratic pattern would not finish)', () => {
    const cell = ' (AB'.repeat(32_768) + ' Reason code: A'.repeat(8_192);
    const long = `The phone number "${cell}" in column "X" is not a phone number. Reason code: NOT_A_NUMBER.`;
    expect(withoutCodes(long)).toBe(`The phone number "${cell}" in column "X" is not a phone number.`);
  });
});
