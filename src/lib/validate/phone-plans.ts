/** libphonenumber-js max metadata with its regexes compiled once: number type, validity and country as the library decides them. */
import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';

export const METADATA = metadataJson as unknown as MetadataJson;

/** The parts of libphonenumber-js's (public, loosely typed) Metadata class read here. */
interface TypeView {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface PlanView {
  callingCode(): string;
  possibleLengths(): number[] | undefined;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): TypeView | undefined;
}
interface MetadataView {
  numberingPlan?: PlanView;
  selectNumberingPlan(countryOrCallingCode: string): MetadataView;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  hasCallingCode(callingCode: string): boolean;
  hasCountry(country: string): boolean;
}

interface CompiledType {
  name: string;
  pattern: RegExp;
  lengths: number[] | undefined;
}

/** One numbering plan (a country, or a non-geographic calling code) with compiled patterns. */
export interface Plan {
  callingCode: string;
  possibleLengths: number[];
  national: RegExp;
  hasTypes: boolean;
  leadingDigits: RegExp | null;
  /** `national_prefix_for_parsing` anchored at the start, null when the plan has none. */
  nationalPrefix: RegExp | null;
  fixedLine: CompiledType | undefined;
  /** FIXED_LINE numbers are reported as FIXED_LINE_OR_MOBILE without testing the mobile pattern. */
  fixedMeansEither: boolean;
  mobile: CompiledType | undefined;
  others: CompiledType[];
}

/** Same order as libphonenumber-js's getNumberType. */
const NON_FIXED_LINE_TYPES = [
  'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL',
];

export const metadata = new Metadata(METADATA) as unknown as MetadataView;
const plans = new Map<string, Plan>();

function compileType(plan: PlanView, name: string): CompiledType | undefined {
  const type = plan.type(name);
  if (!type || !type.pattern()) return undefined;
  return { name, pattern: new RegExp('^(?:' + type.pattern() + ')$'), lengths: type.possibleLengths() };
}

/** The plan for a country code (`GB`) or a calling code (`44` → its main country, `800` → non-geographic). */
export function planFor(countryOrCallingCode: string): Plan {
  let plan = plans.get(countryOrCallingCode);
  if (plan) return plan;
  const view = metadata.selectNumberingPlan(countryOrCallingCode).numberingPlan!;
  const mobileType = view.type('MOBILE');
  const prefix = view.nationalPrefixForParsing();
  const leading = view.leadingDigits();
  plan = {
    callingCode: view.callingCode(),
    possibleLengths: view.possibleLengths() ?? [],
    national: new RegExp('^(?:' + view.nationalNumberPattern() + ')$'),
    hasTypes: view.hasTypes(),
    leadingDigits: leading ? new RegExp(leading) : null,
    nationalPrefix: prefix ? new RegExp('^(?:' + prefix + ')') : null,
    fixedLine: compileType(view, 'FIXED_LINE'),
    fixedMeansEither: !mobileType || mobileType.pattern() === '',
    mobile: compileType(view, 'MOBILE'),
    others: NON_FIXED_LINE_TYPES.map((name) => compileType(view, name)).filter((t) => t !== undefined),
  };
  plans.set(countryOrCallingCode, plan);
  return plan;
}

function isType(type: CompiledType | undefined, nationalNumber: string): boolean {
  if (!type) return false;
  if (type.lengths && !type.lengths.includes(nationalNumber.length)) return false;
  return type.pattern.test(nationalNumber);
}

/**
 * The last answer of numberType: a number shared by several countries (+1) is typed once to find
 * its country (countryFor) and again for its verdict, with the same plan and digits.
 */
let lastPlan: Plan | null = null;
let lastNational = '';
let lastType: string | undefined;

/** libphonenumber-js's getType(): MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, … or undefined. */
export function numberType(plan: Plan, nationalNumber: string): string | undefined {
  if (plan === lastPlan && nationalNumber === lastNational) return lastType;
  const type = typeOf(plan, nationalNumber);
  lastPlan = plan;
  lastNational = nationalNumber;
  lastType = type;
  return type;
}

function typeOf(plan: Plan, nationalNumber: string): string | undefined {
  if (!plan.national.test(nationalNumber)) return undefined;
  if (isType(plan.fixedLine, nationalNumber)) {
    if (plan.fixedMeansEither || isType(plan.mobile, nationalNumber)) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const type of plan.others) if (isType(type, nationalNumber)) return type.name;
  return undefined;
}

/** libphonenumber-js's isValid() given the number's type (computed once by the caller). */
export function isValidNumber(plan: Plan, nationalNumber: string, type: string | undefined): boolean {
  return plan.hasTypes ? type !== undefined : plan.national.test(nationalNumber);
}

/** Countries sharing a calling code, in metadata order; undefined for unknown or non-geographic codes. */
const countriesByCode = new Map<string, string[] | null>();
export function countriesFor(callingCode: string): string[] | undefined {
  let countries = countriesByCode.get(callingCode);
  if (countries === undefined) {
    countries = metadata.getCountryCodesForCallingCode(callingCode) ?? null;
    countriesByCode.set(callingCode, countries);
  }
  return countries ?? undefined;
}

/** libphonenumber-js's getCountryByNationalNumber: leading digits, else the first country whose types match. */
export function countryFor(countries: string[], nationalNumber: string): string | undefined {
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = planFor(country);
    if (plan.leadingDigits) {
      if (nationalNumber.search(plan.leadingDigits) === 0) return country;
    } else if (numberType(plan, nationalNumber) !== undefined) {
      return country;
    }
  }
  return undefined;
}
