// The web-standard globals the core (tsconfig.core.json) may use: present alike in browsers,
// Workers and Node. Anything else (document, window, fetch, R2Bucket, D1Database, Buffer) is not
// declared, so using it in src/lib outside src/lib/ui fails to compile. Add a global here only if
// all three runtimes have it.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: TextDecodeOptions): string;
}

declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

/** Only random values: crypto.subtle differs between runtimes and is not for the core. */
declare var crypto: {
  getRandomValues<T extends Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array>(array: T): T;
};
