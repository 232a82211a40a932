/**
 * Names the tables a stored calling profile is made from (area codes and ZIP codes → regions,
 * numbers → zones): when it changes, stored profiles are made again (the re-profile job). The rule
 * table is not part of it: which rules bind follows from the profile when it is read.
 */
import { REGION_DATA_VERSION } from '../regions/where.ts';
import { ZONE_DATA_VERSION } from './time-zones.ts';

export const profileDataVersion = (): string => `${REGION_DATA_VERSION}.${ZONE_DATA_VERSION}`;
