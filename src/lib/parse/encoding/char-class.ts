/** What a decoded character is, for the detector's reading of a candidate decoding: letter (by case), mark, punctuation, symbol or an impossible character. */

export const CharClass = {
  Lower: 1,
  Upper: 2,
  /** A letter without case (Arabic, Hebrew, Thai, CJK). */
  Caseless: 3,
  /** A combining mark (Vietnamese tones, harakat, Thai vowel and tone marks). */
  Mark: 4,
  /** An apostrophe: fine inside a name (O’Brien). */
  Apostrophe: 5,
  /** Quotes, dashes, guillemets, ellipsis: fine next to a word, odd inside one. */
  Punctuation: 6,
  /** A symbol a CRM export may well hold (currency, degree, section, ©, ®, ™, №). */
  CommonSymbol: 7,
  /** Any other symbol (¤ ¦ ¨ ¹ ½ ± box drawing…): rare in names, companies and cities. */
  Symbol: 8,
  /** A C1 control, an unassigned byte (U+FFFD) or a soft hyphen: a sign of the wrong code page. */
  Impossible: 9,
  /** A space-like character (no-break space). */
  Space: 10,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

export const Script = {
  None: 0,
  Latin: 1,
  Cyrillic: 2,
  Greek: 4,
  Hebrew: 8,
  Arabic: 16,
  Thai: 32,
  Other: 64,
} as const;
export type Script = (typeof Script)[keyof typeof Script];

const APOSTROPHES = '\u2019\u2018\u02bc\u02bb\u00b4';
const COMMON_SYMBOLS = '€£¥¢°§©®™№₪₫฿';

export function classify(ch: string): CharClass {
  if (ch === '\ufffd' || ch === '\u00ad' || /[\u0080-\u009f]/.test(ch)) return CharClass.Impossible;
  if (ch === '\u00a0') return CharClass.Space;
  if (/\p{Ll}/u.test(ch)) return CharClass.Lower;
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return CharClass.Upper;
  if (/\p{Lo}|\p{Lm}/u.test(ch)) return CharClass.Caseless;
  if (/\p{M}/u.test(ch)) return CharClass.Mark;
  if (APOSTROPHES.includes(ch)) return CharClass.Apostrophe;
  if (COMMON_SYMBOLS.includes(ch)) return CharClass.CommonSymbol;
  if (/\p{P}/u.test(ch)) return CharClass.Punctuation;
  return CharClass.Symbol;
}

export function scriptOf(ch: string): Script {
  if (/\p{Script=Latin}/u.test(ch)) return Script.Latin;
  if (/\p{Script=Cyrillic}/u.test(ch)) return Script.Cyrillic;
  if (/\p{Script=Greek}/u.test(ch)) return Script.Greek;
  if (/\p{Script=Hebrew}/u.test(ch)) return Script.Hebrew;
  if (/\p{Script=Arabic}/u.test(ch)) return Script.Arabic;
  if (/\p{Script=Thai}/u.test(ch)) return Script.Thai;
  // Combining marks shared by several scripts (Vietnamese tones) are "inherited": no script of their own.
  if (/\p{Script=Inherited}|\p{Script=Common}/u.test(ch)) return Script.None;
  return Script.Other;
}
