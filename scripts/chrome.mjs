// Finds Chromium for the browser tests: CHROME_PATH, else /usr/bin/chromium; on a bare Debian
// machine where we run as root, installs Debian's chromium with apt-get; otherwise says what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChrome({ install = true } = {}) {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (install && root && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian\'s chromium with apt-get (about 30 s)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    [
      'The browser tests need Chromium and none was found.',
      'Either set CHROME_PATH to a Chromium or Chrome binary, or install one:',
      '  Debian/Ubuntu: sudo apt-get install -y chromium',
      '  macOS:         brew install --cask chromium   (then CHROME_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium)',
      'No test tool downloads a browser by itself here.',
    ].join('\n'),
  );
}

export const chromeArgs = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChrome());
