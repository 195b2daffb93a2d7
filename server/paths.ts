/**
 * Where the server finds its files, from source (server/) and from the bundle (dist/server/) alike.
 * This module must stay at the top of server/: the bundle puts every module in dist/server/, so a
 * URL relative to this file means the same folder in both places.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** server/migrations, or dist/server/migrations once built (the build copies them). */
export const migrationsDir = new URL('./migrations/', import.meta.url);

/** The folder of the civic-widgets package (holds examples/ and dist/cdn/), found by walking up. */
export function packageRoot(from = fileURLToPath(import.meta.url)): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'civic-widgets') return dir;
      } catch {
        /* not ours */
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}
