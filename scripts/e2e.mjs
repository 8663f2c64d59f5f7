#!/usr/bin/env node
// `npm run test:e2e` — browser tests (tests/e2e/*.e2e.mjs) in real Chromium and
// Firefox ESR against the built extension, pages served at their real URLs.
//   --no-build            use the existing .output builds
//   --browser=chromium    only one browser (repeatable; default both)
//   FILE.e2e.mjs …        only these test files (names or paths)
// Last line: "e2e: N passed, M failed".
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { ensureBrowsers } from './lib/browsers.mjs';
import { chromeBuildDir, firefoxBuildDir, repoRoot } from './lib/paths.mjs';
import { bin, header, run, seconds } from './lib/run.mjs';

/** Per browser: its Debian package, its build, and how to make it. Test files: firefox*.e2e.mjs and *-firefox.e2e.mjs run in Firefox, the rest in Chromium. */
const BROWSERS = {
  chromium: { pkg: 'chromium', build: chromeBuildDir, buildArgs: ['build'] },
  firefox: { pkg: 'firefox-esr', build: firefoxBuildDir, buildArgs: ['build', '-b', 'firefox'] },
};

/** Counts from node:test's spec reporter summary. */
export function countResults(output) {
  const text = stripVTControlCharacters(output);
  const num = (k) => Number(text.match(new RegExp(`^ℹ ${k} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') };
}

/**
 * Runs the e2e suite, or only the test files named in `only` (file names or paths; their browsers
 * follow from the names). @returns {Promise<{ passed: number, failed: number, skipped: number, code: number }>}
 */
export async function runE2E({ build = true, browsers = ['chromium', 'firefox'], only = [] } = {}) {
  const started = Date.now();
  // firefox*.e2e.mjs and *-firefox.e2e.mjs run in Firefox ESR; every other *.e2e.mjs in Chromium.
  const browserOf = (f) =>
    f.startsWith('firefox') || /-firefox\.e2e\.mjs$/.test(f) ? 'firefox' : 'chromium';
  const wanted = only.map((f) => basename(f));
  if (wanted.length) browsers = browsers.filter((b) => wanted.some((f) => browserOf(f) === b));
  if (!ensureBrowsers(browsers.map((b) => BROWSERS[b].pkg)))
    return { passed: 0, failed: 1, skipped: 0, code: 1 };
  for (const name of browsers) {
    const { build: dir, buildArgs } = BROWSERS[name];
    if (build || !existsSync(join(dir, 'manifest.json'))) {
      header(`e2e: wxt ${buildArgs.join(' ')}`);
      const { code } = await run(bin('wxt'), buildArgs);
      if (code !== 0) return { passed: 0, failed: 1, skipped: 0, code };
    }
  }
  const dir = join(repoRoot, 'tests/e2e');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.mjs') && browsers.includes(browserOf(f)))
    .filter((f) => !wanted.length || wanted.includes(f))
    .map((f) => join(dir, f));
  if (wanted.length && files.length !== wanted.length) {
    console.error(`no such e2e file: ${wanted.filter((f) => !files.some((p) => p.endsWith(f))).join(', ')}`);
    return { passed: 0, failed: 1, skipped: 0, code: 2 };
  }
  header(`e2e: ${browsers.join(' + ')} (${files.length} files)`);
  const { code, output } = await run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=1',
    ...files,
  ]);
  const counts = countResults(output);
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed before reporting
  console.log(`e2e duration: ${seconds(Date.now() - started)}`);
  return { ...counts, code };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const browsers = args.filter((a) => a.startsWith('--browser=')).map((a) => a.slice('--browser='.length));
  const unknown = browsers.filter((b) => !BROWSERS[b]);
  if (unknown.length) {
    console.error(`unknown browser: ${unknown.join(', ')} (known: ${Object.keys(BROWSERS).join(', ')})`);
    process.exit(2);
  }
  const res = await runE2E({
    build: !args.includes('--no-build'),
    browsers: browsers.length ? browsers : undefined,
    only: args.filter((a) => !a.startsWith('--')),
  });
  console.log(`e2e: ${res.passed} passed, ${res.failed} failed`);
  process.exit(res.code === 0 && res.failed === 0 ? 0 : 1);
}
