/**
 * The encodings a file may be read in, by their WHATWG names (what TextDecoder's `encoding`
 * answers), with the title a person reads ("Arabic (Windows-1256)"). Labels (`latin1`, `cp1251`,
 * `sjis`…) resolve as the WHATWG Encoding Standard says, through TextDecoder, which knows them
 * all in browsers and in workerd (compatibility date 2026-03-03 or later for the CJK ones).
 */
export const ENCODINGS: readonly { name: string; title: string }[] = [
  { name: 'utf-8', title: 'Unicode (UTF-8)' },
  { name: 'utf-16le', title: 'Unicode (UTF-16 LE)' },
  { name: 'utf-16be', title: 'Unicode (UTF-16 BE)' },
  { name: 'windows-1252', title: 'Western European (Windows-1252)' },
  { name: 'iso-8859-15', title: 'Western European (ISO-8859-15)' },
  { name: 'windows-1250', title: 'Central European (Windows-1250)' },
  { name: 'iso-8859-2', title: 'Central European (ISO-8859-2)' },
  { name: 'windows-1251', title: 'Cyrillic (Windows-1251)' },
  { name: 'iso-8859-5', title: 'Cyrillic (ISO-8859-5)' },
  { name: 'koi8-r', title: 'Russian (KOI8-R)' },
  { name: 'koi8-u', title: 'Ukrainian (KOI8-U)' },
  { name: 'ibm866', title: 'Cyrillic (DOS 866)' },
  { name: 'x-mac-cyrillic', title: 'Cyrillic (Mac)' },
  { name: 'windows-1253', title: 'Greek (Windows-1253)' },
  { name: 'iso-8859-7', title: 'Greek (ISO-8859-7)' },
  { name: 'windows-1254', title: 'Turkish (Windows-1254)' },
  { name: 'windows-1255', title: 'Hebrew (Windows-1255)' },
  { name: 'iso-8859-8', title: 'Hebrew, visual order (ISO-8859-8)' },
  { name: 'iso-8859-8-i', title: 'Hebrew (ISO-8859-8-I)' },
  { name: 'windows-1256', title: 'Arabic (Windows-1256)' },
  { name: 'iso-8859-6', title: 'Arabic (ISO-8859-6)' },
  { name: 'windows-1257', title: 'Baltic (Windows-1257)' },
  { name: 'iso-8859-13', title: 'Baltic (ISO-8859-13)' },
  { name: 'iso-8859-4', title: 'Baltic (ISO-8859-4)' },
  { name: 'windows-1258', title: 'Vietnamese (Windows-1258)' },
  { name: 'windows-874', title: 'Thai (Windows-874)' },
  { name: 'iso-8859-3', title: 'South European (ISO-8859-3)' },
  { name: 'iso-8859-10', title: 'Nordic (ISO-8859-10)' },
  { name: 'iso-8859-14', title: 'Celtic (ISO-8859-14)' },
  { name: 'iso-8859-16', title: 'South-Eastern European (ISO-8859-16)' },
  { name: 'macintosh', title: 'Western European (Mac)' },
  { name: 'shift_jis', title: 'Japanese (Shift_JIS)' },
  { name: 'euc-jp', title: 'Japanese (EUC-JP)' },
  { name: 'iso-2022-jp', title: 'Japanese (ISO-2022-JP)' },
  { name: 'gbk', title: 'Chinese Simplified (GBK)' },
  { name: 'gb18030', title: 'Chinese Simplified (GB18030)' },
  { name: 'big5', title: 'Chinese Traditional (Big5)' },
  { name: 'euc-kr', title: 'Korean (EUC-KR)' },
];

const TITLES = new Map(ENCODINGS.map((e) => [e.name, e.title]));

/** The WHATWG names accepted, for messages and the OpenAPI document. */
export const ENCODING_NAMES: readonly string[] = ENCODINGS.map((e) => e.name);

/** A few of the other labels that work, for the error message of an unknown one. */
const EXAMPLE_ALIASES = ['latin1', 'iso-8859-1', 'iso-8859-9', 'iso-8859-11', 'tis-620', 'cp1251', 'sjis', 'gb2312', 'ks_c_5601-1987', 'utf-16'];

/** The WHATWG name of a label (case and surrounding spaces ignored), or null when it names no encoding we read. */
export function resolveEncoding(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
  return TITLES.has(name) ? name : null;
}

/** "Arabic (Windows-1256)" for "windows-1256"; the name itself for one without a title. */
export function encodingTitle(name: string): string {
  return TITLES.get(name) ?? name;
}

/** The message for a label that names no encoding we read. */
export function unknownEncodingMessage(label: string): string {
  const shown = label.length > 40 ? `${label.slice(0, 40)}…` : label;
  return `encoding "${shown}" is not an encoding this import reads. Use one of: ${ENCODING_NAMES.join(', ')} (or another WHATWG label of these, such as ${EXAMPLE_ALIASES.join(', ')}).`;
}
