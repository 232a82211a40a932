/**
 * Short names of a number's zones for the preview: "Eastern", "Mountain +1 more", with the full
 * list for a tooltip. Names come from the runtime's Intl data (generic names such as "Pacific
 * Time"), so they follow the user's browser, not a hand-kept map.
 */

export interface ZoneDescription {
  /** "Eastern", or the first name and how many more: "Mountain +1 more"; "Unknown" for no zone. */
  label: string;
  /** The distinct friendly names, in zone order. */
  names: string[];
  /** Every zone with its friendly name: "Mountain (America/Boise), Pacific (America/Los_Angeles)". */
  title: string;
}

/** A fixed recent instant: generic names of a zone at 1970 can be another zone's (Kyiv was on Moscow time). */
const REFERENCE = Date.UTC(2026, 0, 15);
const friendly = new Map<string, string>();

/** "Pacific" for America/Los_Angeles; the city ("Ho Chi Minh") when Intl only knows a GMT offset. */
export function friendlyZoneName(zone: string): string {
  let name = friendly.get(zone);
  if (name === undefined) {
    let generic = '';
    try {
      generic =
        new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' })
          .formatToParts(REFERENCE)
          .find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      // A zone this runtime does not know: fall back to its city below.
    }
    name = generic && !/^GMT/.test(generic) ? generic.replace(/ Time$/, '') : zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
    friendly.set(zone, name);
  }
  return name;
}

/**
 * Loads the runtime's zone-name data ahead of need: in Chromium the first generic name costs ~35 ms
 * (the locale's data), every later one ~0.1 ms. The preview calls it while the file is being read,
 * so the task that draws the first rows does not pay for it.
 */
export function warmZoneNames(): void {
  friendlyZoneName('America/New_York');
}

export function describeZones(zones: readonly string[]): ZoneDescription {
  const names = [...new Set(zones.map(friendlyZoneName))];
  const label = names.length === 0 ? 'Unknown' : names.length === 1 ? names[0]! : `${names[0]} +${names.length - 1} more`;
  return { label, names, title: zones.map((z) => `${friendlyZoneName(z)} (${z})`).join(', ') };
}
