// Makes sure end-to-end tests have a browser: Debian's Chromium, installed with apt when
// missing (Playwright's own browser download cannot work on these machines).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (existsSync(browser)) process.exit(0);
console.log(`No browser at ${browser}: installing Debian's chromium with apt-get.`);
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
} catch {
  console.error('Could not install chromium. Install it (apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
