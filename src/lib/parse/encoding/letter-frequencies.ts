/**
 * How often letters occur in the languages whose legacy code pages the detector weighs, as percent
 * of all letters (approximate, from published letter-frequency tables, rounded). Latin-script
 * languages list only their letters beyond a–z (a–z take the rest, LATIN_ASCII's shares); other
 * scripts list their alphabet. Lowercase; combining marks (Vietnamese tones, harakat, Thai vowels)
 * count as letters. Used by language-model.ts: a decoding whose letters read like one of these
 * languages beats one whose letters do not.
 */

/** a–z in Latin-script text (a blend of the European languages below). */
export const LATIN_ASCII = 'e12 a9 i7.5 n7 o7 r7 s6.5 t6.5 l5 u4 d3.5 c3 m3 h2.5 k2 g2 p2 b1.8 v1.5 y1.2 z1.2 j1 f1 w0.8 x0.2 q0.1';

/**
 * `rare`: letters of a–z the language does not use in its own words (Turkish has no w, Welsh no k or
 * z): they keep a twentieth of the generic share, so a file's plain-ASCII words also say which
 * language it is in.
 */
export const LANGUAGES: Record<string, { script: 'Latin' | 'Cyrillic' | 'Greek' | 'Hebrew' | 'Arabic' | 'Thai'; letters: string; rare?: string }> = {
  de: { script: 'Latin', rare: 'qx', letters: 'ä.5 ö.4 ü.7 ß.3' },
  fr: { script: 'Latin', rare: 'kwx', letters: 'é2 è.3 ê.25 à.4 â.1 ç.15 î.05 ï.05 ô.1 û.05 ù.05 ë.05 œ.05 ÿ.005' },
  es: { script: 'Latin', rare: 'kwx', letters: 'á.5 é.5 í.7 ó.8 ú.2 ñ.3 ü.02' },
  pt: { script: 'Latin', rare: 'kwy', letters: 'ã.7 õ.1 á.4 é.3 í.2 ó.2 ú.1 â.3 ê.3 ô.3 ç.5 à.05 ü.01' },
  it: { script: 'Latin', rare: 'jkwxy', letters: 'à.2 è.3 é.1 ì.1 ò.1 ù.1' },
  ca: { script: 'Latin', rare: 'kwy', letters: 'à.4 è.3 é.3 í.2 ï.05 ò.2 ó.2 ú.1 ü.05 ç.1' },
  nl: { script: 'Latin', rare: 'qx', letters: 'ë.05 é.05 ï.02 ü.01 ö.01' },
  sv: { script: 'Latin', rare: 'qwxz', letters: 'å1.3 ä1.8 ö1.3 é.05' },
  da: { script: 'Latin', rare: 'cqwxz', letters: 'æ.9 ø.9 å1.2 é.05' },
  fi: { script: 'Latin', rare: 'bcfqwxz', letters: 'ä3.5 ö.5 å.01 š.02 ž.02' },
  et: { script: 'Latin', rare: 'cfqwxyz', letters: 'ä.8 õ1 ö.2 ü.8 š.1 ž.05' },
  is: { script: 'Latin', rare: 'cqwz', letters: 'á1.8 ð4.4 é.6 í1.5 ó1 ú.6 ý.9 þ1.5 æ.9 ö.8' },
  pl: { script: 'Latin', rare: 'qvx', letters: 'ą.9 ć.4 ę1.1 ł1.8 ń.2 ó.8 ś.7 ź.1 ż.8' },
  cs: { script: 'Latin', rare: 'qwx', letters: 'á2.2 č.5 ď.05 é1.2 ě1.2 í3 ň.1 ó.05 ř.4 š.7 ť.05 ú.2 ů.3 ý1 ž.7' },
  sk: { script: 'Latin', rare: 'qwx', letters: 'á2 ä.1 č.6 ď.1 é.6 í1.5 ĺ.05 ľ.3 ň.1 ó.2 ô.2 ŕ.02 š.6 ť.2 ú.5 ý1.2 ž.7' },
  hu: { script: 'Latin', rare: 'qwx', letters: 'á3.4 é4 í.6 ó1 ö1 ő.9 ú.3 ü.5 ű.4' },
  ro: { script: 'Latin', rare: 'kqwy', letters: 'ă4 â.8 î1 ş1.4 ţ1 ș1.4 ț1' },
  hr: { script: 'Latin', rare: 'qwxy', letters: 'č1 ć.9 đ.3 š.8 ž.6' },
  sl: { script: 'Latin', rare: 'qwxy', letters: 'č1 š.9 ž.7' },
  sq: { script: 'Latin', rare: 'wx', letters: 'ë7 ç.5' },
  tr: { script: 'Latin', rare: 'qwx', letters: 'ç1.2 ğ1.1 ı5 İ.4 ö.8 ş1.8 ü1.9 â.05 î.02 û.02' },
  lt: { script: 'Latin', rare: 'fhqwx', letters: 'ą.6 č.4 ę.2 ė1.5 į.6 š1.1 ų.9 ū.5 ž.8' },
  lv: { script: 'Latin', rare: 'fhqwxy', letters: 'ā4 č.3 ē1.6 ģ.1 ī1.6 ķ.2 ļ.4 ņ.4 š1.3 ū.5 ž.1 ŗ.01 ō.01' },
  mt: { script: 'Latin', rare: 'cy', letters: 'ċ.4 ġ.5 ħ1 ż.6 à.3 è.1 ì.1 ò.05 ù.05' },
  eo: { script: 'Latin', rare: 'qwxy', letters: 'ĉ.7 ĝ.5 ĥ.05 ĵ.2 ŝ.4 ŭ.6' },
  cy: { script: 'Latin', rare: 'jkqvxz', letters: 'â.2 ê.1 î.05 ô.1 û.05 ŵ.15 ŷ.2 ï.05 ë.02 á.02 é.02' },
  ga: { script: 'Latin', rare: 'jkqvwxyz', letters: 'á1 é.5 í1 ó.6 ú.4 ḃ.05 ċ.05 ḋ.05 ḟ.05 ġ.05 ṁ.05 ṗ.02 ṡ.05 ṫ.05' },
  se: { script: 'Latin', rare: 'qwxy', letters: 'á3 č.4 đ.8 ŋ.4 š.4 ŧ.1 ž.05 å.05 ä.05 ö.05 æ.05 ø.05' },
  vi: {
    script: 'Latin',
    rare: 'fjwz',
    letters: 'â.6 ê.5 ô.5 ă.3 ơ.5 ư.7 đ.8 à.3 á.3 ã.05 è.05 é.05 í.05 ì.05 ò.05 ó.1 ù.05 ú.05 ý.02 \u03001.5 \u03012 \u0303.4 \u0309.6 \u03231.2',
  },
  ru: {
    script: 'Cyrillic',
    letters: 'о11 е8.5 а8 и7.4 н6.7 т6.3 с5.5 р4.7 в4.5 л4.4 к3.5 м3.2 д3 п2.8 у2.6 я2 ы1.9 ь1.7 г1.7 з1.6 б1.6 ч1.4 й1.2 х1 ж.9 ш.7 ю.6 ц.5 щ.4 э.3 ф.3 ъ.04 ё.2',
  },
  uk: {
    script: 'Cyrillic',
    letters: 'о9.4 а7.2 н6.5 і5.8 и6.1 в4.5 р4.7 т5 е4.8 с4.1 к3.6 л3.6 у3.3 д3.3 м3 п2.6 я2.1 з2.3 ь1.7 г1.5 б1.6 ч1.5 х1.1 ц1 ї.9 й1 ж.8 ш.8 ю.7 є.6 щ.3 ф.3 ґ.05',
  },
  bg: {
    script: 'Cyrillic',
    letters: 'а9 о8.6 и8.1 е8 н6.9 т6.4 р5.3 с4.6 в4.2 л3.5 к3.6 д3.2 п3 м2.9 з1.8 ъ2.5 я2.2 у1.7 б1.4 ч1.3 г1.3 й1.1 ж.8 ц.8 ш.6 щ.6 х.6 ф.2 ь.1 ю.3',
  },
  sr: {
    script: 'Cyrillic',
    letters: 'а11 и9.8 о9 е8.4 н6.3 с5 т4.5 р4.5 ј4.3 в3.6 к3.7 д3.5 л3 у4.2 м3.3 п2.9 з1.8 г1.7 б1.5 ч1.2 ћ1 ш.9 ц.6 ж.6 љ.5 њ.5 х.3 ф.2 ђ.2 џ.05',
  },
  el: {
    script: 'Greek',
    letters:
      'α10 ο8 ι7 ε6.5 τ7 σ4.5 ς2.5 ν6.6 η4.5 υ3.5 ρ4.6 π4.1 κ4 μ3.5 λ2.9 ω1.2 δ1.7 γ1.9 χ1.2 θ1.3 φ.8 β.7 ξ.5 ζ.4 ψ.1 ά1.8 έ1.4 ή1 ί1.6 ό1.6 ύ.8 ώ.8 ϊ.05 ϋ.02 ΐ.02 ΰ.01',
  },
  he: {
    script: 'Hebrew',
    letters: 'א5.5 ב4.5 ג1.3 ד2.5 ה9 ו10 ז.9 ח2.2 ט1.3 י11 כ2.5 ך.7 ל7 מ4.5 ם3 נ3 ן1.3 ס1.3 ע3 פ1.7 ף.2 צ1 ץ.2 ק1.9 ר5.5 ש4.5 ת5.3',
  },
  ar: {
    script: 'Arabic',
    letters:
      'ا12 ل9 ي7.5 م6 و5.5 ن5.5 ه3 ر4.5 ب3.5 ت3.5 ع3 د3 س2.5 ف2 ك2 ق2 ح1.8 ج1.2 ش1 ص.8 ز.5 خ.8 ط.6 ذ.6 ث.4 ض.5 غ.4 ظ.2 ى1 ة2 ء.3 أ1.8 إ.5 آ.1 ؤ.1 ئ.3 \u064e.2 \u064f.1 \u0650.1 \u0651.3 \u0652.05 \u064b.05',
  },
  th: {
    script: 'Thai',
    letters:
      'ก3 ข1 ค2 ง3.5 จ1 ฉ.1 ช1 ซ.4 ญ.3 ด2 ต1.5 ถ.5 ท2 ธ.4 น6 บ2 ป1 ผ.4 พ1.3 ฟ.2 ภ.3 ม3 ย2 ร4.5 ล2 ว3 ศ.6 ษ.2 ส2.2 ห2 อ3.5 ฮ.1 ฤ.1 ฎ.05 ฏ.05 ฐ.1 ฑ.1 ฒ.05 ณ.5 ฬ.01 ฆ.05 ฌ.02 ะ1.5 \u0e312.5 า6 ำ1 \u0e342.5 \u0e352 \u0e36.5 \u0e37.4 \u0e381.2 \u0e39.7 เ3 แ1 โ.6 ใ.5 ไ1 \u0e47.5 \u0e483 \u0e492 \u0e4a.1 \u0e4b.05 \u0e4c.8 ๆ.1 ฯ.05',
  },
};
