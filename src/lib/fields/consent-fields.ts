/**
 * The consent evidence fields (DESIGN.md, "Consent evidence"): when and where the person agreed to
 * be called, from which IP, the words they agreed to, and the certificates lead sellers attach
 * (TrustedForm, Jornaya LeadiD). On the lead as `consent: {at, url, ip, text, trustedFormCertUrl,
 * jornayaLeadId}`, in leads.csv under these names. `consent_at` is also where the campaign's
 * consent policy is enforced: required by it, not in the future, not older than it allows, all
 * against the import's start.
 */
import type { LeadFieldDef } from './lead-field.ts';
import { isIsoString, isoOf, parseIsoInstant } from '../dates/iso-instant.ts';
import { consentAge, ipAddressOf, isTrustedFormCertUrl, jornayaLeadIdOf } from '../consent/consent-evidence.ts';
import { consentRequired } from '../consent/consent-policy.ts';
import {
  consentDateInvalid,
  consentExpired,
  consentInFuture,
  consentIpInvalid,
  consentRequired as consentMissing,
  jornayaLeadIdInvalid,
  trustedFormCertInvalid,
} from '../validate/consent-messages.ts';

const consent = (key: string) => ({ group: 'consent', key });

export const CONSENT_AT_FIELD: LeadFieldDef = {
  name: 'consent_at',
  synonyms: ['consent date', 'consent time', 'consent timestamp', 'consent datetime', 'consented at', 'consent given at', 'date of consent', 'opt in date', 'optin date', 'opt in time', 'optin timestamp', 'tcpa consent date'],
  resource: consent('at'),
  column: 'consent_at',
  label: 'Consent date and time',
  description: 'When the person agreed to be called (ISO 8601, stored in UTC); checked against the import’s start and the campaign’s consentPolicy',
  example: '2026-11-30T14:05:00Z',
  read(text, column, { startedAt = Date.now(), consentPolicy }) {
    const at = parseIsoInstant(text);
    if (at === undefined) return consentDateInvalid(column, text);
    const age = consentAge(at, startedAt, consentPolicy?.maxAgeDays ?? null);
    if (age === 'future') return consentInFuture(column, text, startedAt);
    if (age === 'expired') return consentExpired(column, text, consentPolicy!.maxAgeDays!);
    // Stored as toISOString writes it; the common export format already is that.
    return isIsoString(text) ? text : isoOf(at);
  },
  missing(column, { consentPolicy, phoneType }) {
    return consentPolicy && consentRequired(consentPolicy, phoneType) ? consentMissing(column, consentPolicy.require as 'mobile' | 'all') : null;
  },
};

export const CONSENT_URL_FIELD: LeadFieldDef = {
  name: 'consent_url',
  synonyms: ['consent url', 'consent page', 'consent page url', 'opt in url', 'optin url', 'landing page url', 'lead form url', 'form url', 'signup url'],
  resource: consent('url'),
  column: 'consent_url',
  label: 'Consent page URL',
  description: 'The page on which the person agreed to be called',
  example: 'https://example.com/quote',
  read: (text) => text,
};

export const CONSENT_IP_FIELD: LeadFieldDef = {
  name: 'consent_ip',
  synonyms: ['consent ip', 'ip', 'ip address', 'ipaddress', 'optin ip', 'opt in ip', 'user ip', 'lead ip'],
  resource: consent('ip'),
  column: 'consent_ip',
  label: 'Consent IP address',
  description: 'The IP address (IPv4 or IPv6) the person agreed from',
  example: '203.0.113.7',
  read(text, column) {
    const ip = ipAddressOf(text);
    return ip ?? consentIpInvalid(column, text);
  },
};

export const CONSENT_TEXT_FIELD: LeadFieldDef = {
  name: 'consent_text',
  synonyms: ['consent language', 'consent wording', 'consent statement', 'consent disclosure', 'disclosure', 'disclosure text', 'tcpa language', 'tcpa text', 'tcpa disclosure', 'opt in text', 'optin text'],
  resource: consent('text'),
  column: 'consent_text',
  label: 'Consent wording',
  description: 'The exact words the person agreed to',
  example: 'I agree to be called about my quote by an automated assistant at the number above.',
  read: (text) => text,
};

export const TRUSTEDFORM_FIELD: LeadFieldDef = {
  name: 'trustedform_cert_url',
  synonyms: ['xxTrustedFormCertUrl', 'xx_trusted_form_cert_url', 'xxtrustedformtoken', 'trustedform', 'trusted form', 'trustedform url', 'trustedform cert', 'trustedform certificate', 'trustedform certificate url', 'trusted form cert url', 'tf cert url'],
  resource: consent('trustedFormCertUrl'),
  column: 'trustedform_cert_url',
  label: 'TrustedForm certificate URL',
  description: 'The TrustedForm certificate of the consent (https://cert.trustedform.com/<id>)',
  example: 'https://cert.trustedform.com/2b8f0e6f0b6b4c7e9f1a2d3c4b5a69788796a5b4',
  read: (text, column) => (isTrustedFormCertUrl(text) ? text : trustedFormCertInvalid(column, text)),
};

export const JORNAYA_FIELD: LeadFieldDef = {
  name: 'jornaya_leadid',
  synonyms: ['leadid_token', 'leadid token', 'universal_leadid', 'universal leadid', 'universal lead id', 'leadid', 'lead id token', 'jornaya', 'jornaya lead id', 'jornaya_lead_id', 'jornaya token'],
  resource: consent('jornayaLeadId'),
  column: 'jornaya_leadid',
  label: 'Jornaya LeadiD',
  description: 'The Jornaya LeadiD token of the consent (a GUID, stored in capitals)',
  example: '5C7E0F2A-9B1D-4E3F-8A6B-0D2C4E6F8A1B',
  read(text, column) {
    const leadId = jornayaLeadIdOf(text);
    return leadId ?? jornayaLeadIdInvalid(column, text);
  },
};

export const CONSENT_FIELDS: readonly LeadFieldDef[] = [CONSENT_AT_FIELD, CONSENT_URL_FIELD, CONSENT_IP_FIELD, CONSENT_TEXT_FIELD, TRUSTEDFORM_FIELD, JORNAYA_FIELD];
