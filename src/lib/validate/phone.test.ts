import fc from 'fast-check';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { zoneSetIdOf, zonesOfSet } from '../calling/time-zones.ts';
import { describe, expect, it } from 'vitest';
import { createPhoneNormalizer, isSupportedCountry, PHONE_CACHE_MAX, type PhoneResult } from './phone.ts';

const ok = (result: PhoneResult) => {
  if (!result.ok) throw new Error(`expected a valid number, got ${result.code}/${result.reason}`);
  return result.phone;
};
const e164Of = (text: string, country?: string, raw?: number) => ok(createPhoneNormalizer(country).normalize(text, raw)).e164;

/** The library's own verdict: parse + isValid, as the fast path must reproduce it. */
function reference(text: string) {
  const pn = parsePhoneNumberFromString(text);
  if (!pn || !pn.isValid()) return { ok: false };
  return { ok: true, e164: pn.number, country: pn.country, type: pn.getType() };
}
function verdictOf(result: PhoneResult) {
  if (!result.ok) return { ok: false };
  return { ok: true, e164: result.phone.e164, country: result.phone.country, type: result.phone.type };
}

const COUNTRIES = getCountries();
const EXAMPLES = examples as unknown as Record<string, string>;

/** "+<calling code><national>" for a real country example with its last digits scrambled. */
const realLooking = fc
  .record({
    country: fc.constantFrom(...COUNTRIES.filter((c) => EXAMPLES[c])),
    keep: fc.integer({ min: 0, max: 6 }),
    tail: fc.stringMatching(/^\d{0,8}$/),
  })
  .map(({ country, keep, tail }) => {
    const national = EXAMPLES[country]!;
    const head = national.slice(0, Math.min(national.length, keep + 1));
    const rest = (tail + '0'.repeat(16)).slice(0, national.length - head.length);
    return `+${getCountryCallingCode(country as CountryCode)}${head}${rest}`;
  })
  .filter((s) => /^\+[1-9]\d{6,14}$/.test(s));
const e164ish = fc.stringMatching(/^\+[1-9]\d{6,14}$/);

describe('E.164 fast path', () => {
  const normalizer = createPhoneNormalizer();

  it('gives the same verdict, E.164, country and type as parse + isValid (random E.164-ish)', () => {
    fc.assert(
      fc.property(e164ish, (s) => {
        const fast = normalizer.fastE164(s);
        if (fast) expect(verdictOf(fast)).toEqual(reference(s));
        expect(verdictOf(createPhoneNormalizer().normalize(s))).toEqual(reference(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the same verdicts on real-looking numbers of every country, and decides most itself', () => {
    let decided = 0;
    let valid = 0;
    let runs = 0;
    fc.assert(
      fc.property(realLooking, (s) => {
        runs++;
        const fast = normalizer.fastE164(s);
        if (fast) {
          decided++;
          if (fast.ok) valid++;
          expect(verdictOf(fast)).toEqual(reference(s));
        }
        expect(verdictOf(createPhoneNormalizer().normalize(s))).toEqual(reference(s));
      }),
      { numRuns: 20_000 },
    );
    expect(decided / runs).toBeGreaterThan(0.9);
    expect(valid).toBeGreaterThan(runs / 10);
  });

  it('agrees on every country example number and on shared calling codes (+1, +7, +44, +590)', () => {
    const samples = COUNTRIES.filter((c) => EXAMPLES[c]).map((c) => `+${getCountryCallingCode(c)}${EXAMPLES[c]}`);
    samples.push('+16135550123', '+12425021234', '+77012345678', '+447624123456', '+441481256789', '+590690001234');
    for (const s of samples) {
      const fast = normalizer.fastE164(s);
      if (fast) expect(verdictOf(fast), s).toEqual(reference(s));
      expect(verdictOf(createPhoneNormalizer().normalize(s)), s).toEqual(reference(s));
    }
  });

  it('defers to the full parser when a national prefix follows the calling code', () => {
    expect(normalizer.fastE164('+4402079460958')).toBeUndefined();
    expect(e164Of('+4402079460958')).toBe('+442079460958');
    expect(normalizer.fastE164('+80012345678')).toBeUndefined(); // non-geographic
  });
});

describe('national fast path', () => {
  /** The library's verdict on a national number of `country`. */
  function nationalReference(text: string, country: string) {
    const pn = parsePhoneNumberFromString(text, country as CountryCode);
    if (!pn || !pn.isValid()) return { ok: false };
    return { ok: true, e164: pn.number, country: pn.country, type: pn.getType() };
  }
  const DEFAULTS = ['US', 'CA', 'PR', 'GB', 'DE', 'FR', 'AU', 'IN', 'BR', 'MX', 'JP', 'IT', 'ES', 'NL', 'SG', 'ZA', 'AR', 'RU', 'KZ', 'GG'];
  /** National numbers: real examples with scrambled tails, with and without a trunk prefix, and random digits. */
  const national = fc.oneof(
    fc
      .record({ country: fc.constantFrom(...DEFAULTS), example: fc.constantFrom(...DEFAULTS), keep: fc.integer({ min: 0, max: 6 }), tail: fc.stringMatching(/^\d{0,9}$/), trunk: fc.constantFrom('', '0', '1') })
      .map(({ country, example, keep, tail, trunk }) => {
        const n = EXAMPLES[example] ?? '2015550123';
        const head = n.slice(0, Math.min(n.length, keep + 1));
        return { country, digits: trunk + head + (tail + '0'.repeat(16)).slice(0, n.length - head.length) };
      }),
    fc.record({ country: fc.constantFrom(...DEFAULTS), digits: fc.stringMatching(/^[1-9]\d{5,12}$/) }),
  );

  it('answers as the library does for national numbers of many default countries', () => {
    fc.assert(
      fc.property(national, ({ country, digits }) => {
        const result = verdictOf(createPhoneNormalizer(country).normalize(digits));
        const ref = nationalReference(digits, country);
        if (ref.ok) expect(result).toEqual(ref);
        // Where the library finds no valid national number, only a lost "+" may make it valid.
        else if (result.ok) expect(result).toEqual(reference(`+${digits}`));
      }),
      { numRuns: 30_000 },
    );
  });

  it('reads North American numbers written with the trunk 1 as the library does, for every +1 default', () => {
    const NANP = ['US', 'CA', 'PR', 'BS', 'JM', 'DO', 'TT', 'AG', 'VI', 'GU', 'BB', 'BM'];
    const withTrunk = fc.oneof(
      fc.record({ country: fc.constantFrom(...NANP), digits: fc.stringMatching(/^1\d{10}$/) }),
      fc.record({ country: fc.constantFrom(...NANP), example: fc.constantFrom(...NANP), tail: fc.stringMatching(/^\d{4,7}$/) }).map(({ country, example, tail }) => {
        const n = EXAMPLES[example] ?? '2015550123';
        return { country, digits: '1' + (n.slice(0, 10 - tail.length) + tail) };
      }),
    );
    fc.assert(
      fc.property(withTrunk, ({ country, digits }) => {
        const result = verdictOf(createPhoneNormalizer(country).normalize(digits));
        const ref = nationalReference(digits, country);
        if (ref.ok) expect(result).toEqual(ref);
        else if (result.ok) expect(result).toEqual(reference(`+${digits}`));
      }),
      { numRuns: 20_000 },
    );
    for (const [text, e164] of [['1-415-555-0123', '+14155550123'], ['1 (604) 555-0123', null]] as const) {
      const r = createPhoneNormalizer('US').normalize(text);
      expect(r.ok ? r.phone.e164 : null, text).toBe(e164 ?? nationalReference(text, 'US').e164 ?? null);
    }
  });

  it('agrees on numbers of countries sharing a calling code (toll-free, Canada, the Caribbean)', () => {
    for (const [digits, country] of [['8005550123', 'CA'], ['8005550123', 'US'], ['2425021234', 'US'], ['2425021234', 'BS'], ['6135550123', 'US'], ['4165550123', 'CA']] as const) {
      expect(verdictOf(createPhoneNormalizer(country).normalize(digits)), `${digits} in ${country}`).toEqual(nationalReference(digits, country));
    }
  });
});

describe('full parser path', () => {
  /** A country's example number, scrambled, written in that country's national format. */
  const nationalInput = fc
    .record({
      country: fc.constantFrom('US', 'GB', 'DE', 'FR', 'IN', 'AU', 'BR', 'RU', 'IT', 'MX', 'AR', ...COUNTRIES),
      keep: fc.integer({ min: 1, max: 6 }),
      tail: fc.stringMatching(/^\d{8}$/),
      formatted: fc.boolean(),
    })
    .filter(({ country }) => Boolean(EXAMPLES[country]))
    .map(({ country, keep, tail, formatted }) => {
      const example = EXAMPLES[country]!;
      const national = (example.slice(0, keep) + tail).slice(0, example.length);
      const parsed = parsePhoneNumberFromString(`+${getCountryCallingCode(country as CountryCode)}${national}`);
      return { country, text: formatted && parsed ? parsed.formatNational() : national };
    });

  it('agrees with parse + isValid on national numbers with a default country', () => {
    fc.assert(
      fc.property(nationalInput, ({ country, text }) => {
        const pn = parsePhoneNumberFromString(text, country as CountryCode);
        const result = createPhoneNormalizer(country).normalize(text);
        if (pn && pn.isValid()) {
          expect(verdictOf(result)).toEqual({ ok: true, e164: pn.number, country: pn.country, type: pn.getType() });
        } else if (result.ok) {
          // Only the lost-`+` recovery may accept what the national reading rejects.
          expect(text.replace(/\D/g, '').length).toBeGreaterThanOrEqual(8);
          expect(verdictOf(result)).toEqual(reference(result.phone.e164));
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('idempotence', () => {
  const formatted = fc
    .record({
      n: realLooking,
      style: fc.constantFrom('plain', 'spaces', 'dashes', 'dots', 'brackets', 'nbsp', '00', 'tel', 'quote'),
      country: fc.constantFrom(undefined, 'US', 'GB', 'DE', 'FR', 'IN', 'AU', 'BR'),
    })
    .map(({ n, style, country }) => {
      const d = n.slice(1);
      const spaced = `+${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`;
      const text = {
        plain: n,
        spaces: spaced,
        dashes: spaced.replaceAll(' ', '-'),
        dots: spaced.replaceAll(' ', '.'),
        brackets: `+${d.slice(0, 2)} (${d.slice(2, 5)}) ${d.slice(5)}`,
        nbsp: spaced.replaceAll(' ', '\u00a0'),
        '00': `00${d}`,
        tel: `tel:${n}`,
        quote: `'${n}`,
      }[style];
      return { text, country };
    });

  it('normalising an E.164 output again returns itself', () => {
    fc.assert(
      fc.property(formatted, ({ text, country }) => {
        const first = createPhoneNormalizer(country).normalize(text);
        if (!first.ok) return;
        const again = createPhoneNormalizer(country).normalize(first.phone.e164);
        expect(again).toEqual(first);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('national formats with the default country', () => {
  it.each([
    ['US', '(415) 555-1234', '+14155551234'],
    ['US', '415.555.1234', '+14155551234'],
    ['US', '1-415-555-1234', '+14155551234'],
    ['GB', '07911 123456', '+447911123456'],
    ['GB', '020 7946 0958', '+442079460958'],
    ['DE', '0151 23456789', '+4915123456789'],
    ['DE', '030 123456', '+4930123456'],
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['FR', '01.23.45.67.89', '+33123456789'],
    ['IN', '098765 43210', '+919876543210'],
    ['IN', '9876543210', '+919876543210'],
    ['AU', '0412 345 678', '+61412345678'],
    ['AU', '(02) 9374 4000', '+61293744000'],
    ['BR', '(11) 91234-5678', '+5511912345678'],
    ['BR', '11 3456-7890', '+551134567890'],
  ])('%s %s → %s', (country, text, expected) => {
    expect(e164Of(text, country)).toBe(expected);
  });

  it('keeps the country and the number type', () => {
    const phone = ok(createPhoneNormalizer('GB').normalize('07911 123456'));
    expect(phone).toMatchObject({ e164: '+447911123456', type: 'MOBILE' });
    expect(ok(createPhoneNormalizer('DE').normalize('030 123456'))).toEqual({
      e164: '+4930123456',
      country: 'DE',
      type: 'FIXED_LINE',
      extension: null,
      timeZones: ['Europe/Berlin'],
      zoneSetId: zoneSetIdOf('+4930123456', 'DE'),
    });
  });

  it('gives every number its time zones: the shared frozen array of its zone set', () => {
    const phones = createPhoneNormalizer('US');
    const la = ok(phones.normalize('(415) 555-0132 ext 12'));
    expect(la).toMatchObject({ e164: '+14155550132', extension: '12', timeZones: ['America/Los_Angeles'] });
    expect(la.timeZones).toBe(zonesOfSet(la.zoneSetId));
    expect(Object.isFrozen(la.timeZones)).toBe(true);
    // The fast path, the full parse and the lost-plus repair all carry them.
    expect(ok(phones.normalize('+12125550123')).timeZones).toEqual(['America/New_York']);
    expect(ok(phones.normalize('+1 (208) 555-0123')).timeZones).toEqual(['America/Boise', 'America/Los_Angeles']);
    const repaired = ok(phones.normalize('33612345678'));
    expect(repaired).toMatchObject({ recovered: 'plus', country: 'FR', timeZones: ['Europe/Paris'] });
    expect(repaired.zoneSetId).toBe(zoneSetIdOf('+33612345678', 'FR'));
  });

  it('reads international numbers whatever the default country', () => {
    expect(e164Of('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(e164Of('+1 (415) 555-1234', 'DE')).toBe('+14155551234');
  });

  it('accepts a lost leading zero (7911123456 in GB)', () => {
    expect(e164Of('7911123456', 'GB')).toBe('+447911123456');
  });

  it('rejects an unknown default country up front', () => {
    expect(() => createPhoneNormalizer('XX')).toThrow(RangeError);
    expect(isSupportedCountry('GB')).toBe(true);
    expect(isSupportedCountry('UK')).toBe(false);
    expect(e164Of('(415) 555-1234', 'us')).toBe('+14155551234');
  });
});

describe('international prefixes and clean-up', () => {
  it('reads 00 as +, with or without a default country', () => {
    expect(e164Of('0044 7911 123456')).toBe('+447911123456');
    expect(e164Of('0044 7911 123456', 'US')).toBe('+447911123456');
    expect(e164Of('0049 30 123456', 'FR')).toBe('+4930123456');
  });

  it('reads 011 as international from the US', () => {
    expect(e164Of('011 44 7911 123456', 'US')).toBe('+447911123456');
  });

  it('strips non-breaking and thin spaces, tel:, the formula quote and Excel\'s ="…"', () => {
    expect(e164Of('+1\u00a0415\u00a0555\u00a01234')).toBe('+14155551234');
    expect(e164Of('\u00a0+1\u202f415\u2007555 1234\u00a0')).toBe('+14155551234');
    expect(e164Of('tel:+1-415-555-1234')).toBe('+14155551234');
    expect(e164Of("'+14155551234")).toBe('+14155551234');
    expect(e164Of('="+14155551234"')).toBe('+14155551234');
    expect(e164Of('+1 [415] 555/1234')).toBe('+14155551234');
  });
});

describe('Excel damage', () => {
  it('recovers a lost + (digits that are not a valid national number)', () => {
    expect(e164Of('14155551234')).toBe('+14155551234');
    expect(e164Of('447911123456')).toBe('+447911123456');
    expect(e164Of('447911123456', 'US')).toBe('+447911123456');
    expect(e164Of('14155551234', 'GB')).toBe('+14155551234');
    expect(e164Of('33612345678', 'FR')).toBe('+33612345678');
  });

  it('does not read a short invalid national number as another country', () => {
    const result = createPhoneNormalizer('US').normalize('4512345678'); // invalid US, valid +45 12345678
    expect(result).toMatchObject({ ok: false, code: 'invalid', country: 'US' });
  });

  it('uses the raw numeric value for scientific notation', () => {
    expect(e164Of('1.41555E+10', undefined, 14155551234)).toBe('+14155551234');
    expect(e164Of('4.47911E+11', 'US', 447911123456)).toBe('+447911123456');
    expect(e164Of('4.15555E+9', 'US', 4155551234)).toBe('+14155551234');
  });

  it('rejects scientific notation without a raw value, explaining why', () => {
    expect(createPhoneNormalizer('US').normalize('1.41555E+10')).toEqual({
      ok: false,
      code: 'scientific',
      reason: 'SCIENTIFIC_NOTATION',
    });
    expect(createPhoneNormalizer().normalize('1,41555E+10', 1.5)).toMatchObject({ code: 'scientific' });
  });
});

describe('failures carry a reason', () => {
  const n = createPhoneNormalizer('US');
  it.each([
    ['', 'empty', 'EMPTY'],
    ['   ', 'empty', 'EMPTY'],
    ['n/a', 'invalid', 'NOT_A_NUMBER'],
    ['123', 'invalid', 'TOO_SHORT'],
    ['+1 415 555 12345678', 'invalid', 'TOO_LONG'],
    ['+999 1234567', 'invalid', 'INVALID_COUNTRY'],
    ['(555) 555-0000', 'invalid', 'NOT_VALID_FOR_REGION'],
    ['+44 20 7946 09', 'invalid', 'INVALID_LENGTH'],
  ])('%j → %s %s', (text, code, reason) => {
    expect(n.normalize(text)).toMatchObject({ ok: false, code, reason });
  });

  it('says there is no country code when there is no default country', () => {
    expect(createPhoneNormalizer().normalize('(415) 555-1234')).toMatchObject({ reason: 'NO_COUNTRY_CODE' });
  });
});

describe('cache', () => {
  it('returns the same result object for the same input', () => {
    const n = createPhoneNormalizer('US');
    const a = n.normalize('(415) 555-1234');
    expect(n.normalize('(415) 555-1234')).toBe(a);
    expect(n.normalize('1.41555E+10')).not.toEqual(n.normalize('1.41555E+10', 14155551234));
  });

  it('can be bounded lower, or off', () => {
    for (const cacheMax of [0, 2]) {
      const n = createPhoneNormalizer('US', { cacheMax });
      for (const t of ['+14155551234', '+14155551235', '+14155551236', '+14155551234']) expect(n.normalize(t).ok).toBe(true);
    }
  });

  it('stays bounded', () => {
    const n = createPhoneNormalizer('US');
    for (let i = 0; i <= PHONE_CACHE_MAX + 10; i++) n.normalize(`+1415${String(i).padStart(7, '0')}`);
    expect(n.normalize('+14155551234').ok).toBe(true);
  });
});

describe('float artefacts (`4155550179.0`)', () => {
  it('strips a trailing .0 or .00 from a plain number instead of reading it as another digit', () => {
    expect(ok(createPhoneNormalizer('US').normalize('4155550179.0'))).toMatchObject({ e164: '+14155550179', country: 'US' });
    expect(e164Of('4155550179.00', 'US')).toBe('+14155550179');
    expect(e164Of('+14155550179.0', 'DE')).toBe('+14155550179');
    expect(e164Of('447911123456.0', 'GB')).toBe('+447911123456');
    expect(e164Of('="4155550179.0"', 'US')).toBe('+14155550179');
    // Only a float's tail: other dots are still separators.
    expect(e164Of('415.555.0170', 'US')).toBe('+14155550170');
  });

  it('gives the same result with and without the suffix (random digit strings, several defaults)', () => {
    const input = fc.record({
      plus: fc.boolean(),
      digits: fc.oneof(fc.stringMatching(/^[1-9]\d{5,14}$/), realLooking.map((s) => s.slice(1))),
      suffix: fc.constantFrom('.0', '.00'),
      country: fc.constantFrom(undefined, 'US', 'GB', 'DE', 'CH', 'FR', 'IN', 'BR'),
    });
    fc.assert(
      fc.property(input, ({ plus, digits, suffix, country }) => {
        const plain = (plus ? '+' : '') + digits;
        expect(createPhoneNormalizer(country).normalize(plain + suffix)).toEqual(createPhoneNormalizer(country).normalize(plain));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('extensions', () => {
  it.each([
    ['415-555-0177 ext 12'],
    ['415-555-0177 ext. 12'],
    ['415-555-0177 x12'],
    ['(415) 555-0177;ext=12'],
    ['415-555-0177 #12'],
    ['+1 415 555 0177 x12'],
    ['+14155550177;ext=12'],
  ])('%s keeps extension 12', (text) => {
    expect(ok(createPhoneNormalizer('US').normalize(text))).toMatchObject({ e164: '+14155550177', country: 'US', extension: '12' });
  });

  it('is null when there is none, on every path (E.164, digits, formatted)', () => {
    for (const text of ['+14155550177', '4155550177', '(415) 555-0177', '14155550177']) {
      expect(ok(createPhoneNormalizer('US').normalize(text)).extension).toBeNull();
    }
  });

  /** A valid number (reference verdict) of a random country, in E.164 or its national format. */
  const validNumber = realLooking
    .map((s) => parsePhoneNumberFromString(s))
    .filter((pn) => pn !== undefined && pn.isValid() && pn.country !== undefined);

  it('comes back exactly for random valid numbers and extension spellings', () => {
    const input = fc.record({
      pn: validNumber,
      national: fc.boolean(),
      ext: fc.stringMatching(/^[1-9]\d{0,5}$/),
      spelling: fc.constantFrom(' ext ', ' ext. ', ' x', ' x ', ';ext=', ' #', ' extension '),
    });
    fc.assert(
      fc.property(input, ({ pn, national, ext, spelling }) => {
        const number = national ? pn!.formatNational() : pn!.number;
        const result = createPhoneNormalizer(national ? pn!.country : undefined).normalize(number + spelling + ext);
        expect(ok(result)).toMatchObject({ e164: pn!.number, extension: ext });
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('a recovered lost + is flagged', () => {
  it('says the + was restored and when the number left the default country', () => {
    expect(ok(createPhoneNormalizer('US').normalize('33612345678'))).toMatchObject({
      e164: '+33612345678',
      country: 'FR',
      recovered: 'plus',
      countryDiffersFromDefault: true,
    });
    const noDefault = ok(createPhoneNormalizer().normalize('14155551234'));
    expect(noDefault).toMatchObject({ e164: '+14155551234', recovered: 'plus' });
    expect(noDefault.countryDiffersFromDefault).toBeUndefined();
  });

  it('is absent when the digits were read as written', () => {
    for (const [text, country] of [['4155551234', 'US'], ['14155551234', 'US'], ['+447911123456', 'US'], ['0044 7911 123456', 'US']] as const) {
      const phone = ok(createPhoneNormalizer(country).normalize(text));
      expect(phone.recovered, text).toBeUndefined();
      expect(phone.countryDiffersFromDefault, text).toBeUndefined();
    }
  });
});
