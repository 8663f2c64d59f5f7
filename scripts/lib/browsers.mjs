// Finds Debian's Chromium and Firefox ESR; installs them when allowed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

const BROWSERS = [
  { name: 'Chromium', path: CHROMIUM_PATH, pkg: 'chromium' },
  { name: 'Firefox ESR', path: FIREFOX_PATH, pkg: 'firefox-esr' },
];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/** Browsers (of `which`) whose executable is missing. */
export function missingBrowsers(which = ['chromium', 'firefox-esr']) {
  return BROWSERS.filter((b) => which.includes(b.pkg) && !existsSync(b.path));
}

/**
 * Makes sure the browsers exist. Installs the Debian packages when running as
 * root with apt-get; otherwise prints exactly what to install and returns false.
 */
export function ensureBrowsers(which = ['chromium', 'firefox-esr'], log = console.log) {
  const missing = missingBrowsers(which);
  if (missing.length === 0) return true;
  const pkgs = missing.map((b) => b.pkg);
  log(`Missing: ${missing.map((b) => `${b.name} (${b.path})`).join(', ')}`);
  if (isRoot() && hasApt()) {
    log(`Installing with apt-get: ${pkgs.join(' ')} (takes a minute or two)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install =
      update.status === 0 && spawnSync('apt-get', ['install', '-y', ...pkgs], { stdio: 'inherit', env });
    if (install && install.status === 0 && missingBrowsers(which).length === 0) return true;
    log('apt-get could not install them.');
  }
  log(
    `\nThe end-to-end tests need real browsers. Install them with:\n\n  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}\n\n` +
      'or point CHROMIUM_PATH / FIREFOX_PATH at existing executables.',
  );
  return false;
}
