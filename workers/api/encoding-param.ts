/** The `encoding=<label>` of the raw-file routes: a WHATWG label resolved to its name, or 400 ENCODING_UNKNOWN listing the accepted ones. */
import { ENCODING_NAMES, resolveEncoding, unknownEncodingMessage } from '../../src/lib/parse/encoding/encodings.ts';
import { ApiError } from './errors.ts';

export function encodingParam(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const name = resolveEncoding(label);
  if (!name) throw new ApiError(400, 'ENCODING_UNKNOWN', unknownEncodingMessage(label), { accepted: ENCODING_NAMES });
  return name;
}
