import { describe, expect, it } from 'vitest';
import { displayPhone } from './phone-display.ts';

describe('displayPhone', () => {
  it("formats a number of the campaign's country nationally", () => {
    expect(displayPhone('+12125550160', 'US')).toBe('(212) 555-0160');
    expect(displayPhone('+442079460000', 'GB')).toBe('020 7946 0000');
    expect(displayPhone('+12125550160', 'us')).toBe('(212) 555-0160');
  });

  it('formats other countries\' numbers, and every number of a campaign without a country, internationally', () => {
    expect(displayPhone('+4930901821', 'US')).toBe('+49 30 901821');
    expect(displayPhone('+14165550100', 'US')).toBe('+1 416 555 0100');
    expect(displayPhone('+12125550160', null)).toBe('+1 212 555 0160');
  });

  it('keeps what the numbering plan cannot read as it is', () => {
    expect(displayPhone('not a number', 'US')).toBe('not a number');
  });
});
