/** The import's ENCODING_UNCERTAIN warning, from a detection that was not sure. */
import type { ImportWarning } from '../../import-view.ts';
import type { Detection } from './detect.ts';
import { encodingTitle } from './encodings.ts';

export const ENCODING_UNCERTAIN = 'ENCODING_UNCERTAIN';

/** What an import says about how its file was read: nothing, or that the encoding was a guess. */
export function encodingWarnings(d: Pick<Detection, 'encoding' | 'confidence' | 'uncertain' | 'alternatives'> | null): ImportWarning[] {
  if (!d?.uncertain) return [];
  const others = d.alternatives.length ? ` It may also be ${d.alternatives.slice(0, 3).map(encodingTitle).join(', or ')}.` : '';
  return [
    {
      code: ENCODING_UNCERTAIN,
      message: `The file does not say its encoding, and the guess, ${encodingTitle(d.encoding)}, is not sure (${Math.round(d.confidence * 100)}%).${others} Check the names in the imported leads; if they look garbled, import the file again naming its encoding (encoding=<label>, e.g. encoding=windows-1256).`,
    },
  ];
}
