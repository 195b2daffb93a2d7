/** Types for packed.mjs (used by TypeScript tests). */
export function exampleNames(): string[];
export function npmEnv(): NodeJS.ProcessEnv;
export function preparePacked(options?: { prebuilt?: boolean; log?: (line: string) => void }): { dir: string; tarball: string; examples: string[] };
