/**
 * Time-zone lookups per second: zoneSetIdOf over 1M random valid numbers (the validation core
 * calls it once per number), against a plain loop over the same strings as the ceiling.
 *
 *   node bench/timezones.ts [count]
 */
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { zoneSetIdOf, timeZonesOf } from '../src/lib/calling/time-zones.ts';

const count = Number(process.argv[2] ?? 1_000_000);

// Valid numbers: each country's example number with random last digits, kept when still valid.
let seed = 14;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pool: { e164: string; country: string }[] = [];
const countries = getCountries();
const weights: CountryCode[] = ['US', 'US', 'US', 'US', 'CA', 'GB', 'DE', 'FR', 'BR', 'IN', 'MX', 'AU'];
while (pool.length < 20_000) {
  const country = random() < 0.6 ? weights[Math.floor(random() * weights.length)]! : countries[Math.floor(random() * countries.length)]!;
  const example = getExampleNumber(country, examples)?.number;
  if (!example) continue;
  const keep = example.length - 4;
  let candidate = example.slice(0, keep);
  for (let i = keep; i < example.length; i++) candidate += Math.floor(random() * 10);
  const pn = parsePhoneNumberFromString(candidate);
  if (pn?.isValid() && pn.country) pool.push({ e164: pn.number, country: pn.country });
}
const numbers = Array.from({ length: count }, () => pool[Math.floor(random() * pool.length)]!);

const buildStart = performance.now();
timeZonesOf('+12015550123', 'US'); // the first call decodes the table and builds the trie
console.log(JSON.stringify({ tableBuildMs: Number((performance.now() - buildStart).toFixed(2)) }));
let sink = 0;
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  for (const n of numbers) sink += n.e164.charCodeAt(n.e164.length - 1) + n.country.length;
  const loopMs = performance.now() - t0;
  const t1 = performance.now();
  for (const n of numbers) sink += zoneSetIdOf(n.e164, n.country);
  const lookupMs = performance.now() - t1;
  console.log(
    JSON.stringify({
      round,
      numbers: count,
      lookupsPerSecond: Math.round(count / (lookupMs / 1000)),
      nsPerLookup: Number(((lookupMs * 1e6) / count).toFixed(1)),
      emptyLoopNsPerNumber: Number(((loopMs * 1e6) / count).toFixed(1)),
    }),
  );
}
if (sink === 0.5) console.log(sink); // keeps the loops from being optimised away
