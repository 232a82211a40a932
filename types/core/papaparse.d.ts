// The part of papaparse the core uses (its raw Parser), declared here because @types/papaparse
// loads Node's types, which the core must not see (tsconfig.core.json maps 'papaparse' here).
declare namespace Papa {
  interface ParseConfig {
    delimiter?: string;
    newline?: '\r\n' | '\n' | '\r';
    quoteChar?: string;
    preview?: number;
    step?(results: { meta: { cursor: number } }): void;
  }
  class Parser {
    constructor(config: ParseConfig);
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): unknown;
  }
  const BAD_DELIMITERS: readonly string[];
}
export default Papa;
