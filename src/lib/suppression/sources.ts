/**
 * Sources of a suppression list: `internal` (numbers a team listed itself) or a do-not-call
 * registry's copy. A registry copy must be fresh to be relied on: the US national registry and
 * Canada's DNCL at most 31 days old, the UK's TPS 28 (research/compliance-2026-12-07.md, §4). Pure:
 * the Worker, the API schemas and the suppression page share it.
 */

/** The default source, and everything listed before sources existed. */
export const INTERNAL_SOURCE = 'internal';

/** Lower-case letters, digits and hyphens, 1 to 32 characters. */
export const SOURCE_PATTERN = /^[a-z0-9-]{1,32}$/;

/** Days a registry copy may be old before it is stale. Other sources have no such rule. */
export const REGISTRY_MAX_AGE_DAYS: Readonly<Record<string, number>> = {
  'us-national-dnc': 31,
  'ca-dncl': 31,
  'uk-tps': 28,
};

/** Registry names a person picks from (any other valid name is accepted too). */
export const KNOWN_SOURCES: readonly { source: string; label: string }[] = [
  { source: INTERNAL_SOURCE, label: 'Internal (numbers your team listed)' },
  { source: 'us-national-dnc', label: 'US National Do Not Call Registry' },
  { source: 'ca-dncl', label: 'Canada National DNCL' },
  { source: 'uk-tps', label: 'UK Telephone Preference Service (TPS)' },
];

export function maxAgeDaysOf(source: string): number | null {
  return Object.hasOwn(REGISTRY_MAX_AGE_DAYS, source) ? REGISTRY_MAX_AGE_DAYS[source]! : null;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Milliseconds of a YYYY-MM-DD date's start (UTC), or undefined when it is not a real date. */
export function dateStart(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const check = new Date(ms);
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  return ms;
}

/** Whole days from `asOf` to the UTC date of `at` (0 on the day itself). */
export function ageInDays(asOf: string, at: Date): number | null {
  const start = dateStart(asOf);
  if (start === undefined) return null;
  return Math.floor((dateStart(utcDate(at))! - start) / DAY_MS);
}

/**
 * Whether a source's copy is too old to rely on at `at`: only sources with a rule, and only when
 * the copy is older than its rule allows (or its date is unknown).
 */
export function isStale(source: string, asOf: string | null, at: Date): boolean {
  const maxAge = maxAgeDaysOf(source);
  if (maxAge === null) return false;
  const age = asOf === null ? null : ageInDays(asOf, at);
  return age === null || age > maxAge;
}

/** What the import resource and the refusal say about a stale source. */
export function staleMessage(source: string, asOf: string | null, at: Date): string {
  const maxAge = maxAgeDaysOf(source);
  const age = asOf === null ? null : ageInDays(asOf, at);
  const when = asOf === null || age === null ? 'has no date' : `is from ${asOf} (${age} days old)`;
  return (
    `The do-not-call list "${source}" ${when}; a copy may be at most ${maxAge} days old to be relied on. ` +
    `Download the registry again and upload it on the suppression page (POST /api/v1/suppressions/import?source=${source}&asOf=YYYY-MM-DD&mode=replace).`
  );
}

/** Why an asOf query value is refused, or null when it is a date that is not in the future (UTC). */
export function asOfProblem(text: string, now: Date): string | null {
  if (dateStart(text) === undefined) return `asOf "${text.slice(0, 40)}" is not a date: write the day the registry copy was downloaded as YYYY-MM-DD, such as 2026-12-01.`;
  if (text > utcDate(now)) return `asOf ${text} is in the future (today is ${utcDate(now)} UTC): give the day the registry copy was downloaded.`;
  return null;
}
