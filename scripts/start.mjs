#!/usr/bin/env node
// `npm start` — builds the Chrome extension and opens Chromium with it loaded,
// on the bundled demo minutes (demo/) served offline at their real-looking URLs.
// With no display it runs headless and prints what Sagsspor recognised.
//   --headless   force headless (prints what was recognised, then exits)
import { relative } from 'node:path';
import { ensureBrowsers } from './lib/browsers.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { chromeBuildDir, firefoxBuildDir, repoRoot } from './lib/paths.mjs';
import { bin, header, run } from './lib/run.mjs';
import { demoPages, Site } from './lib/site.mjs';

const rel = (p) => relative(process.cwd(), p) || '.';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || !hasDisplay;

function printWhereToFindBuilds() {
  console.log(`
Unpacked Chrome build: ${rel(chromeBuildDir)}
  Load it via chrome://extensions → Developer mode → Load unpacked, in Chrome, Edge or Chromium.
Firefox: npm run build:firefox → ${rel(firefoxBuildDir)}
  Load it via about:debugging → This Firefox → Load Temporary Add-on… (pick its manifest.json),
  or run "npm run zip" for store packages (.output/*.zip, Chrome and Firefox).`);
}

header('build: wxt build (Chrome MV3)');
const build = await run(bin('wxt'), ['build'], { cwd: repoRoot });
if (build.code !== 0) {
  console.error('\nThe build failed; see above.');
  process.exit(1);
}

if (!ensureBrowsers(['chromium'])) {
  printWhereToFindBuilds();
  process.exit(1);
}

const pages = demoPages();
const site = new Site().addAll(pages);
const shown = pages.filter((p) => p.open !== false);

header(headless ? 'Chromium (headless: no display)' : 'Chromium with Sagsspor');
if (!hasDisplay) {
  console.log(
    'No display found (DISPLAY / WAYLAND_DISPLAY unset), so no browser window can open here.\n' +
      'Running Chromium headless instead, to show what Sagsspor recognises on the demo pages.\n' +
      'On a desktop, run npm start there — or load the unpacked build (below) into your own browser.',
  );
}
const ext = await launchChromium({
  site,
  headless,
  // our own SIGINT/SIGTERM handlers close the browser and delete the temporary profile
  launchOptions: {
    handleSIGINT: false,
    handleSIGTERM: false,
    ...(headless ? {} : { ignoreDefaultArgs: ['--enable-automation'] }),
  },
});

const shutdown = async (code = 0) => {
  await ext.close();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const [blank] = ext.context.pages();
const tabs = [];
for (const [i, demo] of shown.entries()) {
  const page = i === 0 && blank ? blank : await ext.context.newPage();
  await page.goto(demo.url).catch((e) => console.error(`could not open ${demo.url}: ${e.message}`));
  tabs.push({ demo, page });
}

if (headless) {
  console.log('\nWhat Sagsspor recognised on the demo pages:');
  let mismatches = 0;
  const opened = Date.now();
  for (const { demo, page } of tabs) {
    let state = null;
    while (Date.now() < opened + 8000) {
      state = await page.evaluate(() => {
        const host = document.querySelector('sagsspor-root');
        return host ? { ...host.dataset } : null;
      });
      // a page that is not minutes gets 2 s to be (wrongly) recognised
      const settled = demo.punkter > 0 || Date.now() > opened + 2000;
      if (Number(state?.punkter ?? 0) === demo.punkter && settled) break;
      await page.waitForTimeout(200);
    }
    const badge = await ext.badgeText(page).catch(() => '?');
    const found = Number(state?.punkter ?? 0);
    if (found !== demo.punkter) mismatches++;
    const what =
      found > 0
        ? `${found} ${found === 1 ? 'punkt' : 'punkter'}, badge "${badge}"`
        : `not minutes${state?.status ? ` (${state.status})` : ''}`;
    console.log(`  ${found === demo.punkter ? '✓' : '✗'} ${demo.label}\n      ${demo.url}\n      → ${what}`);
  }
  if (mismatches) console.log(`\n${mismatches} page(s) differ from what demo/manifest.json expects.`);
  printWhereToFindBuilds();
  await shutdown(0);
} else {
  console.log('\nOpened a tab per demo page (served offline at these URLs):');
  for (const { demo } of tabs) console.log(`  • ${demo.label}\n    ${demo.url}`);
  console.log(
    '\nOn a recognised page the toolbar badge shows the number of punkter; the Sagsspor button at the edge of the page opens the outline.',
  );
  printWhereToFindBuilds();
  console.log('\nClose the browser or press Ctrl+C to stop.');
  ext.context.on('close', () => void shutdown(0));
}
