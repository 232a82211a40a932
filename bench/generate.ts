/**
 * Seeded generator of a realistic, messy leads CSV for the demo assistant (customer_name, company,
 * budget_range; secondary contacts with name and role). Deterministic: same seed, same bytes.
 *
 * Phones: US (the campaign's default country, national and international formats), GB, DE, FR,
 * IN, AU, BR (E.164 or international with spaces). Every generated number comes from a prefix whose
 * validity was checked with libphonenumber-js (max metadata) when the pools were built; about 2% of
 * primary cells and 1% of secondary cells are invalid on purpose, ~1% of rows repeat an earlier
 * row's number (possibly in another format), and the two secondary phone columns are about half filled.
 */
import { parsePhoneNumberFromString, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

export const HEADERS = [
  'phone_number',
  'customer_name',
  'company',
  'budget_range',
  'secondary_phone_1',
  'secondary_1_name',
  'secondary_1_role',
  'secondary_phone_2',
  'secondary_2_name',
  'secondary_2_role',
] as const;

/** The demo assistant (scripts/seed.ts), as the core's AssistantConfig. */
export const DEMO_ASSISTANT = {
  variables: [
    { name: 'customer_name', type: 'text' as const, required: true, maxLength: 100 },
    { name: 'company', type: 'text' as const, maxLength: 100 },
    { name: 'budget_range', type: 'text' as const, default: 'unknown', maxLength: 40 },
  ],
  secondaryVariables: [
    { name: 'name', type: 'text' as const, maxLength: 100 },
    { name: 'role', type: 'text' as const, maxLength: 100 },
  ],
};

export interface GeneratedFile {
  text: string;
  rows: number;
  /** Every non-empty phone cell (primary and secondaries), in file order. */
  phones: string[];
  /** Each row's primary phone cell as written (unquoted; '' when empty). */
  primaries: string[];
  /** 1 where the row's primary is a valid number seen nowhere earlier in the file (no planted error or repeat). */
  freshPrimary: Uint8Array;
  /** What the generator meant: cells made invalid on purpose, rows repeating an earlier number. */
  planted: { invalidPrimary: number; emptyPrimary: number; invalidSecondary: number; duplicateRows: number; secondaryFilled: number };
}

/** mulberry32: small, fast, deterministic 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES: { code: CountryCode; cc: string; weight: number }[] = [
  { code: 'US', cc: '1', weight: 50 },
  { code: 'GB', cc: '44', weight: 10 },
  { code: 'DE', cc: '49', weight: 10 },
  { code: 'FR', cc: '33', weight: 8 },
  { code: 'IN', cc: '91', weight: 10 },
  { code: 'AU', cc: '61', weight: 6 },
  { code: 'BR', cc: '55', weight: 6 },
];
const PREFIXES_PER_COUNTRY = 300;
const SUFFIX_DIGITS = 4;
const SUFFIX_SPACE = 10 ** SUFFIX_DIGITS;

interface Pool {
  code: CountryCode;
  cc: string;
  prefixes: string[];
  next: number;
}

let poolsCache: Pool[] | null = null;

/** Valid number prefixes per country: random candidates, kept when the library accepts several random 4-digit endings. */
function buildPools(): Pool[] {
  if (poolsCache) return poolsCache;
  const rnd = mulberry32(0xc0ffee);
  const digit = (from = 0) => String(from + Math.floor(rnd() * (10 - from)));
  const valid = (cc: string, national: string, code: CountryCode) => {
    const p = parsePhoneNumberFromString(`+${cc}${national}`);
    return !!p && p.isValid() && p.country === code;
  };
  poolsCache = COUNTRIES.map(({ code, cc }) => {
    const example = getExampleNumber(code, examples)!.nationalNumber as string;
    const length = example.length;
    const prefixes = new Set<string>();
    for (let tries = 0; prefixes.size < PREFIXES_PER_COUNTRY && tries < 200_000; tries++) {
      // Half the candidates keep the example's first digit (mobile ranges), half start anywhere (fixed lines).
      let prefix = tries % 2 === 0 ? example[0]! : digit(1);
      while (prefix.length < length - SUFFIX_DIGITS) prefix += digit();
      if (prefixes.has(prefix)) continue;
      let ok = true;
      for (let k = 0; k < 4 && ok; k++) {
        let suffix = '';
        for (let d = 0; d < SUFFIX_DIGITS; d++) suffix += digit();
        ok = valid(cc, prefix + suffix, code);
      }
      if (ok && valid(cc, prefix + '0000', code) && valid(cc, prefix + '9999', code)) prefixes.add(prefix);
    }
    if (prefixes.size < 50) throw new Error(`generate: only ${prefixes.size} valid prefixes for ${code}`);
    return { code, cc, prefixes: [...prefixes], next: 0 };
  });
  return poolsCache;
}

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'José', 'María', 'Zoë', 'Jürgen', 'Priya', 'Rahul', 'Aarav', 'Ananya', 'Olivia', 'Noah', 'Émilie', 'François', 'Lukas', 'Hannah', 'Chloé', 'Liam', 'Isla', 'Jack', 'Mia', 'Lucas', 'Ana', 'João', 'Wei', 'Yuki', "D'Arcy", 'Seán'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Taylor', 'Wilson', 'Anderson', 'Silva', 'Santos', 'Oliveira', "O'Brien", 'Nguyen', 'Kim', 'Lee', 'Walker', 'Young', 'King', 'Wright', 'Lopez', 'Hill', 'Scott', 'Green', 'Adams', 'Baker'];
const COMPANY = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent', 'Vandelay Industries', 'Cyberdyne', 'Tyrell', 'Wonka', 'Oceanic', 'Massive Dynamic', 'Pied Piper', 'Nakatomi', 'Gringotts', 'Monarch', 'Dunder Mifflin', 'Prestige Worldwide'];
const SUFFIX = [' Inc', ', Inc.', ' LLC', ' Ltd', ' GmbH', ' SARL', ' Pvt Ltd', ' Pty Ltd', ' Ltda', ''];
const BUDGET = ['$1k-5k', '$5k-10k', '10k-50k', '50k+', '< $1,000', 'unknown', 'TBD', '', '', ''];
const ROLES = ['CFO', 'Assistant', 'Office manager', 'Spouse', 'Co-founder', 'Procurement', 'Partner', 'IT lead', 'Accountant, external', 'Secretary "Sam"'];
const INVALID = ['n/a', '12345', '+1 123 456 7890', '555-0100', '+44 20 1234', '0000000000', 'call me', '+49 0', '1-800-FLOWERS-NOW', '(000) 000-0000', '+91 12345', 'TBD'];

function csvCell(s: string): string {
  if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
  return `"${s.replace(/"/g, '""')}"`;
}

/** Generates `rows` data rows with the given seed. */
/** `budgetSuffix` changes every row's budget_range and nothing else (the same numbers and rows): a file that updates every lead of the first. */
export function generateLeadsCsv(rows: number, seed = 42, opts: { budgetSuffix?: string } = {}): GeneratedFile {
  const pools = buildPools();
  for (const p of pools) p.next = 0;
  const rnd = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const totalWeight = COUNTRIES.reduce((s, c) => s + c.weight, 0);
  const pickCountry = (): number => {
    let r = rnd() * totalWeight;
    for (let i = 0; i < COUNTRIES.length; i++) if ((r -= COUNTRIES[i]!.weight) < 0) return i;
    return 0;
  };
  /** A fresh, never-used national number of country `c`. */
  const fresh = (c: number): string => {
    const pool = pools[c]!;
    const k = pool.next++;
    const n = pool.prefixes.length;
    const slot = Math.floor(k / n);
    if (slot >= SUFFIX_SPACE) throw new Error(`generate: ran out of ${pool.code} numbers`);
    const suffix = String((slot * 7919 + (k % n) * 4229 + 1234) % SUFFIX_SPACE).padStart(SUFFIX_DIGITS, '0');
    return pool.prefixes[k % n]! + suffix;
  };
  const format = (c: number, nat: string): string => {
    const r = rnd();
    if (c === 0) {
      const a = nat.slice(0, 3), e = nat.slice(3, 6), s = nat.slice(6);
      if (r < 0.3) return `+1${nat}`;
      if (r < 0.55) return `(${a}) ${e}-${s}`;
      if (r < 0.7) return `${a}.${e}.${s}`;
      if (r < 0.85) return `${a}-${e}-${s}`;
      if (r < 0.95) return `+1 ${a} ${e} ${s}`;
      return `1-${a}-${e}-${s}`;
    }
    const cc = pools[c]!.cc;
    if (r < 0.5) return `+${cc}${nat}`;
    const head = nat.length > 9 ? 3 : 2;
    const mid = Math.ceil((nat.length - head) / 2);
    return `+${cc} ${nat.slice(0, head)} ${nat.slice(head, head + mid)} ${nat.slice(head + mid)}`;
  };

  const planted = { invalidPrimary: 0, emptyPrimary: 0, invalidSecondary: 0, duplicateRows: 0, secondaryFilled: 0 };
  const phones: string[] = [];
  const lines: string[] = new Array(rows + 1);
  lines[0] = HEADERS.join(',');
  const validCountry = new Uint8Array(rows);
  const validNational: string[] = [];
  const primaries: string[] = new Array(rows);
  const freshPrimary = new Uint8Array(rows);

  const secondary = (out: string[]): void => {
    if (rnd() < 0.5) {
      // Now and then a name without a number (SECONDARY_FIELDS_WITHOUT_PHONE).
      if (rnd() < 0.004) out.push('', `${pick(FIRST)} ${pick(LAST)}`, '');
      else out.push('', '', '');
      return;
    }
    planted.secondaryFilled++;
    let phone: string;
    if (rnd() < 0.01) {
      phone = pick(INVALID);
      planted.invalidSecondary++;
    } else {
      const c = pickCountry();
      phone = format(c, fresh(c));
    }
    phones.push(phone);
    out.push(csvCell(phone), csvCell(`${pick(FIRST)} ${pick(LAST)}`), rnd() < 0.7 ? csvCell(pick(ROLES)) : '');
  };

  for (let i = 0; i < rows; i++) {
    let phone: string;
    const r = rnd();
    if (r < 0.02) {
      phone = rnd() < 0.15 ? '' : pick(INVALID);
      if (phone === '') planted.emptyPrimary++;
      else planted.invalidPrimary++;
    } else if (r < 0.03 && validNational.length > 0) {
      const j = Math.floor(rnd() * validNational.length);
      phone = format(validCountry[j]!, validNational[j]!);
      planted.duplicateRows++;
    } else {
      const c = pickCountry();
      const nat = fresh(c);
      validCountry[validNational.length] = c;
      validNational.push(nat);
      phone = format(c, nat);
      freshPrimary[i] = 1;
    }
    primaries[i] = phone;
    if (phone !== '') phones.push(phone);
    const name = rnd() < 0.003 ? '' : rnd() < 0.1 ? `${pick(LAST)}, ${pick(FIRST)}` : `${pick(FIRST)} ${pick(LAST)}`;
    const company = rnd() < 0.2 ? '' : pick(COMPANY) + pick(SUFFIX);
    const out = [csvCell(phone), csvCell(name), csvCell(company), csvCell(pick(BUDGET) + (opts.budgetSuffix ?? ''))];
    secondary(out);
    secondary(out);
    lines[i + 1] = out.join(',');
  }
  return { text: lines.join('\r\n') + '\r\n', rows, phones, primaries, freshPrimary, planted };
}

export function toBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

if (import.meta.main) {
  const n = Number(process.argv[2] ?? 1000);
  const t = performance.now();
  const g = generateLeadsCsv(n);
  const ms = performance.now() - t;
  if (process.argv[3] === '--print') process.stdout.write(g.text);
  else console.log(`generated ${n} rows, ${toBytes(g.text).length} bytes, ${g.phones.length} phones in ${ms.toFixed(0)} ms`, g.planted);
}
