/** A zone set's description for the grid ("Pacific +1 more" and the full list), computed once per zone set. */
import { describeZones, type ZoneDescription } from '#lib/calling/describe-zones.ts';
import { NO_ZONE_SET, zonesOfSet } from '#lib/calling/time-zones.ts';

const memo = new Map<number, ZoneDescription>();

export function zoneSetDescription(id: number): ZoneDescription {
  let d = memo.get(id);
  if (!d) {
    d = id === NO_ZONE_SET ? { label: 'No time zone', names: [], title: 'A non-geographic number: no time zone, so never callable under a calling window.' } : describeZones(zonesOfSet(id));
    memo.set(id, d);
  }
  return d;
}
