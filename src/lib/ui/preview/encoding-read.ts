/** How the wizard read a CSV's bytes, and what its import creation says of it. */
import type { Detection } from '../../parse/encoding/detect.ts';

export interface EncodingRead {
  detection: Detection;
  /** A few values of the file as read. */
  samples: string[];
  /** The person picked the encoding (else it is the detector's guess). */
  chosen: boolean;
}

/** The fields of POST /imports about the encoding: the one read, and how sure the guess was when the person did not pick it. */
export function encodingRequest(read: EncodingRead | null): { encoding?: string; encodingGuess?: { confidence: number; uncertain: boolean; alternatives: string[] } } {
  if (!read) return {};
  if (read.chosen) return { encoding: read.detection.encoding };
  const { encoding, confidence, uncertain, alternatives } = read.detection;
  return { encoding, encodingGuess: { confidence, uncertain, alternatives: [...alternatives] } };
}
