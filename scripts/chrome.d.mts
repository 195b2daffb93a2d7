/** Types for chrome.mjs (used by TypeScript tests). */
export function findChrome(options?: { install?: boolean }): string;
export const chromeArgs: string[];
