/** What reading an uploaded file gives, whatever its kind: the header, then the rows in chunk-sized batches. */
import type { HeaderRowChoice } from '../../src/lib/map/header-row.ts';
import type { Detection } from '../../src/lib/parse/decode.ts';
import type { SourceRow } from '../../src/lib/types.ts';

export interface UploadReader {
  headers: string[];
  /** The sheet read (workbooks). */
  sheet?: string;
  /** The header row taken, when the intake was asked to choose it; null otherwise. */
  header: HeaderRowChoice | null;
  /** The file's rows in order, in batches cut by the chunk cutter (src/lib/chunk/cut.ts). */
  rows: AsyncGenerator<SourceRow[]>;
  /**
   * How a CSV's bytes were read (null for workbooks). It may change while rows are read when the
   * file's first 64 KB were plain ASCII: read it again after the last row.
   */
  detection(): Detection | null;
}
