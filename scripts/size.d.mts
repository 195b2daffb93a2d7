/** The budget of each CDN entry file, in bytes of gzip -9. */
export const budgets: Record<string, number>;
/** A file's size under gzip -9: what the budgets count. */
export function gz(path: string): number;
/** What a file costs on the wire: its brotli copy when the build wrote one, else gzip -9. */
export function wire(path: string): number;
/** The chunks an entry file imports, at once or on demand, and those they import. */
export function chunksOf(dir: string, entry: string): string[];
/** The entry file and the chunks it imports at once (not on demand), and theirs: a page's first download. */
export function firstLoad(dir: string, entry: string): string[];
/** Prints every entry's size and whether it is within its budget. */
export function checkSizes(dir?: string): boolean;
