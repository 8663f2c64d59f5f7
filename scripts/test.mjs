#!/usr/bin/env node
// `npm test` — the one test command: typecheck, lint, unit tests, Chrome and
// Firefox builds, then end-to-end tests in real Chromium and Firefox ESR.
// Every step runs even when an earlier one fails (so one run shows everything);
// the exit code is non-zero if any failed. The last line reads
// "e2e: N passed, M failed".
import { stripVTControlCharacters } from 'node:util';
import { runE2E } from './e2e.mjs';
import { ensureBrowsers } from './lib/browsers.mjs';
import { bin, header, run, seconds } from './lib/run.mjs';

const started = Date.now();
/** @type {{ name: string, ok: boolean, ms: number, note?: string }[]} */
const steps = [];

async function step(name, fn) {
  header(name);
  const t = Date.now();
  let ok = false;
  let note;
  try {
    const res = await fn();
    ok = res.ok;
    note = res.note;
  } catch (e) {
    console.error(e);
  }
  steps.push({ name, ok, ms: Date.now() - t, note });
  return ok;
}

const cmd = async (name, args) => ({ ok: (await run(bin(name), args)).code === 0 });

/** "Tests  12 passed | 1 failed (13)" → counts */
function vitestCounts(output) {
  const line = stripVTControlCharacters(output).match(/^\s*Tests\s+(.*)$/m)?.[1] ?? '';
  const n = (k) => Number(line.match(new RegExp(`(\\d+) ${k}`))?.[1] ?? 0);
  return { passed: n('passed'), failed: n('failed') };
}

const browsersOk = await step('browsers: Chromium + Firefox ESR', async () => ({
  ok: ensureBrowsers(['chromium', 'firefox-esr']),
}));
await step('typecheck: tsc --noEmit', () => cmd('tsc', ['--noEmit']));
await step('lint: biome check .', () => cmd('biome', ['check', '.']));
let unit = { passed: 0, failed: 0 };
await step('unit: vitest run', async () => {
  const { code, output } = await run(bin('vitest'), ['run']);
  unit = vitestCounts(output);
  return { ok: code === 0, note: `${unit.passed} passed, ${unit.failed} failed` };
});
const chromeOk = await step('build: wxt build (Chrome MV3)', () => cmd('wxt', ['build']));
const firefoxOk = await step('build: wxt build -b firefox (Firefox MV2)', () =>
  cmd('wxt', ['build', '-b', 'firefox']),
);

let e2e = { passed: 0, failed: 0, skipped: 0 };
let e2eNote = '';
if (!browsersOk || !chromeOk || !firefoxOk) {
  e2e.failed = 1;
  e2eNote = ` (not run: ${!browsersOk ? 'browsers missing' : 'build failed'})`;
  steps.push({ name: 'e2e', ok: false, ms: 0, note: e2eNote.trim() });
} else {
  await step('e2e: Chromium + Firefox ESR', async () => {
    e2e = await runE2E({ build: false });
    return { ok: e2e.code === 0 && e2e.failed === 0, note: `${e2e.passed} passed, ${e2e.failed} failed` };
  });
}

header('summary');
for (const s of steps) {
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(44)} ${seconds(s.ms).padStart(8)}${s.note ? `  ${s.note}` : ''}`,
  );
}
const failed = steps.filter((s) => !s.ok);
console.log(
  `total: ${seconds(Date.now() - started)}; ${failed.length ? `FAILED: ${failed.map((s) => s.name).join('; ')}` : 'all steps passed'}`,
);
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed${e2eNote}`);
process.exit(failed.length ? 1 : 0);
