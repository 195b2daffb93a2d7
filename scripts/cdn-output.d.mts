/** Writes `path.br` (brotli, quality 11) and `path.gz` (gzip -9) beside `path`. */
export function compressFile(path: string): Promise<void>;
/** Compresses every file of `dir` (not the compressed copies themselves). */
export function compressFolder(dir: string): Promise<void[]>;
/** The rollup plugin that gives all of a build's chunks one hash of their content. */
export function chunkHash(): { name: string };
/** The rollup plugin that asks for a chunk loaded on demand together with the chunks it imports. */
export function preloadImports(): { name: string };
/** The rollup plugin that writes compressed copies beside each file a build wrote. */
export function precompress(): { name: string };
