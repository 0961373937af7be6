/** Known injection vectors (≥ 220), each a string; every one that would run script calls `__zwTrip()` or `alert`/`confirm`/`prompt`. */
export declare const XSS_VECTORS: readonly string[];
/** The URL-shaped subset of XSS_VECTORS: schemes (javascript:, data:, vbscript:, …) in their encodings. */
export declare const XSS_URLS: readonly string[];
/** Every live thing under `root` and every shadow root below it (script, iframe, on* attributes, javascript:/data: URLs…), described; self-contained. */
export declare function liveThings(root: ParentNode): string[];
