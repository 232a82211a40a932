/** Plain names of libphonenumber-js line types for the preview ("FIXED_LINE_OR_MOBILE" → "Landline or mobile"). */
const LABELS: Record<string, string> = {
  MOBILE: 'Mobile',
  FIXED_LINE: 'Landline',
  FIXED_LINE_OR_MOBILE: 'Landline or mobile',
  VOIP: 'VoIP',
  TOLL_FREE: 'Toll-free',
  PREMIUM_RATE: 'Premium-rate',
  SHARED_COST: 'Shared-cost',
  PERSONAL_NUMBER: 'Personal number',
  PAGER: 'Pager',
  UAN: 'Company number (UAN)',
  VOICEMAIL: 'Voicemail',
  UNKNOWN: 'Unknown type',
};

export function phoneTypeLabel(type: string): string {
  return LABELS[type] ?? type;
}
