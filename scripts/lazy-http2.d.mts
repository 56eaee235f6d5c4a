// Types for scripts/lazy-http2.mjs (used by the build and by test/unit/lazy-http2.test.ts).
export declare const HTTP2_EXTERNAL: string;
export declare const EAGER_CONSTANTS: readonly string[];
export declare function lazyHttp2Module(): string;
export declare function lazyHttp2(code: string, name: string): string;
