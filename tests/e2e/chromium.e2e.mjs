// End-to-end in real Chromium with the MV3 build: recognise → outline → jump,
// badge, popup, keyboard, and no page text as HTML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { openPanel } from '../../scripts/lib/annotate.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { ClosedShadow, collectExceptions } from '../../scripts/lib/shadow.mjs';
import {
  CLOSED_MARK,
  coreTitle,
  fixture,
  HOST_STATE,
  HUGE_URL,
  MALFORMED_URL,
  minutesFixtures,
  NO_PUNKTER_URL,
  negativeFixtures,
  norm,
  TRUNCATED_URL,
  testSite,
  VISIBLE_TEXT,
  waitFor,
  XSS_TEXT,
  XSS_URL,
} from './helpers.mjs';

const T = { timeout: 45_000 };
/** @type {Awaited<ReturnType<typeof launchChromium>>} */
let ext;
const site = testSite();

before(async () => {
  ext = await launchChromium({ site });
});
after(async () => {
  await ext?.close();
});

/** Opens a minutes page and waits until the extension has recognised all its punkter. */
async function openMinutes(fx, page) {
  page ??= await ext.context.newPage();
  await page.goto(fx.url);
  const n = fx.truth.punkter.length;
  await waitFor(
    () => page.evaluate(HOST_STATE),
    (s) => s?.punkter === String(n),
    {
      what: `${fx.file}: <sagsspor-root data-punkter="${n}">`,
    },
  );
  return { page, shadow: new ClosedShadow(page) };
}

/** Where punkt `n` is in the page (fixture markup knowledge lives in the test, not the product). */
function punktState({ style, n }) {
  let heading = null;
  let body = null;
  if (style === 'firstagenda') {
    const li = [...document.querySelectorAll('li.agenda-item')].find(
      (el) => el.querySelector('.agenda-item-number')?.textContent?.trim() === `${n}.`,
    );
    heading = li?.querySelector('.agenda-item-header') ?? null;
    body = li?.querySelector('.agenda-item-body') ?? null;
  } else {
    heading =
      [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].find((h) =>
        new RegExp(`^\\s*Punkt\\s+${n}\\b`).test(h.textContent ?? ''),
      ) ?? null;
    body = heading?.nextElementSibling ?? null;
  }
  const inView = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  };
  return {
    found: Boolean(heading && body),
    inViewport: inView(heading),
    bodyVisible: Boolean(
      body && !body.hidden && body.checkVisibility() && body.getBoundingClientRect().height > 0,
    ),
    bodyInViewport: inView(body),
  };
}

async function checkOutlineAndJump(file, jumps) {
  const fx = fixture(file);
  const { page, shadow } = await openMinutes(fx);
  try {
    await openPanel(shadow);

    const header = norm((await shadow.texts('[data-testid="meeting-header"]'))[0]);
    assert.ok(header.includes(norm(fx.truth.committee)), `meeting header "${header}" names the committee`);

    const numbers = await shadow.evaluate(function () {
      return [...this.querySelectorAll('button[data-punkt]')].map((b) =>
        Number(b.getAttribute('data-punkt')),
      );
    });
    assert.deepEqual(
      numbers,
      fx.truth.punkter.map((p) => p.number),
      'outline has one button per punkt, in order',
    );
    const labels = await shadow.texts('button[data-punkt]');
    fx.truth.punkter.forEach((p, i) => {
      assert.ok(
        labels[i]?.includes(coreTitle(p.title)),
        `outline entry ${p.number} "${labels[i]}" shows "${p.title}"`,
      );
      if (p.closed) assert.match(labels[i] ?? '', CLOSED_MARK, `outline entry ${p.number} is marked closed`);
    });
    const panelText = norm((await shadow.texts('[data-testid="panel"]'))[0]);
    for (const p of fx.truth.punkter) {
      if (p.caseNumber)
        assert.ok(panelText.includes(p.caseNumber), `outline shows case number ${p.caseNumber}`);
      if (p.decision) {
        const start = norm(p.decision).slice(0, 20);
        assert.ok(panelText.includes(start), `outline shows punkt ${p.number}'s decision ("${start}…")`);
      }
    }

    // Jump to each punkt in turn; the last one must start out of view (for
    // collapsed portals, opening an earlier punkt first pushes it down).
    for (const [i, n] of jumps.entries()) {
      const where = { style: fx.style, n };
      const before = await page.evaluate(punktState, where);
      assert.ok(before.found, `punkt ${n} exists in ${file}`);
      if (i === jumps.length - 1) assert.equal(before.inViewport, false, `punkt ${n} starts out of view`);
      if (fx.style === 'firstagenda') assert.equal(before.bodyVisible, false, `punkt ${n} starts collapsed`);

      await shadow.click(`button[data-punkt="${n}"]`);
      await waitFor(
        () => page.evaluate(punktState, where),
        (s) => s.inViewport && s.bodyVisible && s.bodyInViewport,
        { what: `punkt ${n} expanded and scrolled into view` },
      );
    }
  } finally {
    await shadow.dispose();
    await page.close();
  }
}

describe('Chromium: recognise → outline → jump', () => {
  test('Åben Dagsorden page', T, () => checkOutlineAndJump('000-aabendagsorden.html', [9]));
  test('client-rendered FirstAgenda page with collapsed punkter', T, () =>
    checkOutlineAndJump('000-firstagenda.html', [1, 9]),
  );
});

describe('Chromium: client-rendered portal', () => {
  test('in-page navigation to another meeting is followed', T, async () => {
    const first = fixture('000-firstagenda.html');
    const second = fixture('001-firstagenda.html');
    const { page, shadow } = await openMinutes(first);
    try {
      // The portal navigates without a page load: new URL (pushState), new
      // agenda state, the app re-renders — done here with the portal's own script.
      const html = readFileSync(second.path, 'utf8');
      const json = html.match(/<script type="application\/json" id="agenda-data">([\s\S]*?)<\/script>/)?.[1];
      const render = html.match(/<script>([\s\S]*?)<\/script>/)?.[1];
      assert.ok(json && render, '001-firstagenda.html still has its agenda state and render script');
      const id = new URL(second.url).searchParams.get('id');
      await page.evaluate(
        ({ json, id }) => {
          history.pushState(null, '', `/vis?id=${id}`);
          document.getElementById('agenda-data').textContent = json;
          document.getElementById('app').replaceChildren();
        },
        { json, id },
      );
      await page.addScriptTag({ content: render });

      const n = second.truth.punkter.length;
      await waitFor(
        () => page.evaluate(HOST_STATE),
        (st) => st?.punkter === String(n),
        {
          what: `the outline follows to the next meeting: data-punkter="${n}"`,
        },
      );
      await openPanel(shadow);
      const header = norm((await shadow.texts('[data-testid="meeting-header"]'))[0]);
      assert.ok(header.includes(norm(second.truth.committee)), `header "${header}" names the new committee`);
      const numbers = await shadow.evaluate(function () {
        return [...this.querySelectorAll('button[data-punkt]')].map((b) =>
          Number(b.getAttribute('data-punkt')),
        );
      });
      assert.deepEqual(
        numbers,
        second.truth.punkter.map((p) => p.number),
      );
      await waitFor(
        () => ext.badgeText(page),
        (b) => b === String(n),
        { what: `badge "${n}"` },
      );
    } finally {
      await shadow.dispose();
      await page.close();
    }
  });
});

describe('Chromium: toolbar badge shows the punkt count', () => {
  let page;
  before(async () => {
    page = await ext.context.newPage();
  });
  after(() => page?.close());
  for (const fx of minutesFixtures) {
    test(fx.file, T, async () => {
      await openMinutes(fx, page);
      const n = String(fx.truth.punkter.length);
      const badge = await waitFor(
        () => ext.badgeText(page),
        (b) => b === n,
        { what: `badge "${n}"` },
      );
      assert.equal(badge, n);
    });
  }
});

describe('Chromium: ordinary pages are left alone', () => {
  for (const fx of negativeFixtures) {
    test(fx.file, T, async () => {
      const page = await ext.context.newPage();
      const shadow = new ClosedShadow(page);
      try {
        await page.goto(fx.url, { waitUntil: 'load' });
        await page.waitForTimeout(2000); // give the detector (and any bounded observer) time to act
        const state = await page.evaluate(HOST_STATE);
        assert.ok(
          !state?.punkter || state.punkter === '0',
          `no punkter on ${fx.file}: ${JSON.stringify(state)}`,
        );
        const buttons = await shadow.evaluate(function () {
          return this.querySelectorAll('button[data-punkt]').length;
        });
        assert.ok(!buttons, 'no outline entries');
        assert.equal(await ext.badgeText(page), '', 'no badge');
      } finally {
        await shadow.dispose();
        await page.close();
      }
    });
  }
});

describe('Chromium: popup', () => {
  test('lists the punkter of a recognised tab', T, async () => {
    const fx = fixture('002-aabendagsorden.html');
    const { page } = await openMinutes(fx);
    const tabId = await ext.tabId(page);
    const popup = await ext.context.newPage();
    try {
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
      const text = await waitFor(
        () => popup.evaluate(VISIBLE_TEXT),
        (t) => fx.truth.punkter.every((p) => norm(t).includes(coreTitle(p.title))),
        { what: 'popup listing every punkt title' },
      );
      assert.ok(norm(text).includes(norm(fx.truth.committee)), 'popup names the committee');
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test('explains itself on a page that is not minutes', T, async () => {
    const fx = negativeFixtures[0];
    const page = await ext.context.newPage();
    await page.goto(fx.url);
    const tabId = await ext.tabId(page);
    const popup = await ext.context.newPage();
    try {
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
      const text = await waitFor(
        () => popup.evaluate(VISIBLE_TEXT),
        (t) => t.length > 10,
        { what: 'popup explanation' },
      );
      assert.ok(!/Punkt 1\b/.test(text), `popup lists no punkter: "${text}"`);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});

describe('Chromium: keyboard and accessible names', () => {
  test(
    'Tab reaches the panel toggle, Enter opens the panel, every control is named, Enter on an entry jumps',
    T,
    async () => {
      const { page, shadow } = await openMinutes(fixture('001-aabendagsorden.html'));
      try {
        // The panel reopens by itself (asynchronously) when it was left open on an
        // earlier page. Close it and reload, so the keyboard starts from a known state.
        await page.waitForTimeout(300);
        if ((await page.evaluate(HOST_STATE))?.state === 'open') {
          await shadow.click('[data-testid="panel-toggle"]');
          await waitFor(
            () => page.evaluate(HOST_STATE),
            (st) => st?.state === 'collapsed',
            { what: 'panel closed' },
          );
          await page.reload();
          await waitFor(
            () => page.evaluate(HOST_STATE),
            (st) => st?.punkter === '10',
            { what: 'recognised again' },
          );
          await page.waitForTimeout(300);
        }
        assert.equal((await page.evaluate(HOST_STATE))?.state, 'collapsed', 'panel starts collapsed');
        await page.evaluate(() => {
          document.activeElement?.blur?.();
          window.scrollTo(0, 0);
        });
        let reached = false;
        for (let i = 0; i < 200 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await shadow.focusedMatches('[data-testid="panel-toggle"]');
        }
        assert.ok(reached, 'the panel toggle is reachable with Tab');
        await page.keyboard.press('Enter');
        await waitFor(() => shadow.isVisible('[data-testid="panel"]'), Boolean, {
          what: 'panel opens on Enter',
        });
        await waitFor(
          () => shadow.accessibleNames('button[data-punkt]'),
          (l) => l.length > 0,
          {
            what: 'outline buttons in the open panel',
          },
        );

        const controls = await shadow.accessibleNames(
          'button, a[href], input, select, textarea, [role="button"]',
        );
        assert.ok(controls.length > 0);
        const unnamed = controls.filter((c) => !c.ignored && !c.name);
        assert.deepEqual(unnamed, [], 'every control has an accessible name');

        // Tab on to the last outline entry; Enter jumps there.
        const fx = fixture('001-aabendagsorden.html');
        const last = fx.truth.punkter.at(-1).number;
        const where = { style: fx.style, n: last };
        await page.evaluate(() => window.scrollTo(0, 0)); // tabbing through the page scrolled it
        assert.equal(
          (await page.evaluate(punktState, where)).inViewport,
          false,
          `punkt ${last} starts out of view`,
        );
        let onEntry = false;
        for (let i = 0; i < 80 && !onEntry; i++) {
          await page.keyboard.press('Tab');
          onEntry = await shadow.focusedMatches(`button[data-punkt="${last}"]`);
        }
        assert.ok(onEntry, `outline entry ${last} is reachable with Tab`);
        await page.keyboard.press('Enter');
        await waitFor(
          () => page.evaluate(punktState, where),
          (st) => st.inViewport && st.bodyInViewport,
          { what: `Enter on outline entry ${last} scrolls to punkt ${last}` },
        );
      } finally {
        await shadow.dispose();
        await page.close();
      }
    },
  );
});

describe('Chromium: page text is never inserted as HTML', () => {
  test('markup in a punkt title shows as text, and nothing runs', T, async () => {
    const page = await ext.context.newPage();
    const shadow = new ClosedShadow(page);
    try {
      await page.goto(XSS_URL);
      await waitFor(
        () => page.evaluate(HOST_STATE),
        (s) => Number(s?.punkter) > 0,
        { what: 'recognised' },
      );
      await openPanel(shadow);
      const label = (await shadow.texts('button[data-punkt="2"]'))[0] ?? '';
      assert.ok(label.includes(XSS_TEXT), `outline entry 2 shows the markup as text: "${label}"`);
      const imgs = await shadow.evaluate(function () {
        return this.querySelectorAll('img').length;
      });
      assert.equal(imgs, 0, 'no <img> element was created in the panel');

      const tabId = await ext.tabId(page);
      const popup = await ext.context.newPage();
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
      await waitFor(
        () => popup.evaluate(VISIBLE_TEXT),
        (t) => t.includes(XSS_TEXT),
        { what: 'popup shows the markup as text' },
      );
      assert.equal(await popup.evaluate(() => document.querySelectorAll('img[src="x"]').length), 0);
      await popup.close();

      await page.waitForTimeout(300);
      assert.equal(
        await page.evaluate(() => document.documentElement.dataset.xss ?? null),
        null,
        'no handler ran',
      );
      const strays = site.requests.filter((u) => /\/x$/.test(u));
      assert.deepEqual(strays, [], 'the fake image was never requested');
    } finally {
      await shadow.dispose();
      await page.close();
    }
  });
});

describe('Chromium: bad input', () => {
  /** Opens `url` in a new tab, collecting exceptions from every context (content scripts included). */
  async function openWatched(url) {
    const page = await ext.context.newPage();
    const exceptions = await collectExceptions(page);
    await page.goto(url);
    return { page, exceptions, shadow: new ClosedShadow(page) };
  }

  test('a page that looks like minutes but has no punkter says "not recognised"', T, async () => {
    const { page, exceptions, shadow } = await openWatched(NO_PUNKTER_URL);
    try {
      const state = await waitFor(
        () => page.evaluate(HOST_STATE),
        (s) => s?.status === 'not-recognised',
        { what: '<sagsspor-root data-status="not-recognised">' },
      );
      assert.ok(!state.punkter || state.punkter === '0', `no punkter: ${JSON.stringify(state)}`);
      assert.equal(await ext.badgeText(page), '', 'no badge');
      // the panel may remember being open from an earlier page
      if (state.state !== 'open') await shadow.click('[data-testid="panel-toggle"]');
      await waitFor(
        () => page.evaluate(HOST_STATE),
        (s) => s?.state === 'open',
        { what: 'data-state="open"' },
      );
      const text = await waitFor(
        () =>
          shadow.evaluate(function () {
            return (this.textContent ?? '').replace(/\s+/g, ' ').trim();
          }),
        (t) => /not recognised|ikke genkendt/i.test(t) && t.length > 40,
        { what: 'a "not recognised" explanation in the panel' },
      );
      assert.ok(text);
      assert.deepEqual(await exceptions.stop(), [], 'no uncaught exceptions');
    } finally {
      await shadow.dispose();
      await page.close();
    }
  });

  test('a 4 MB page with inline base64 images is read in full', T, async () => {
    const { page, exceptions, shadow } = await openWatched(HUGE_URL);
    try {
      await waitFor(
        () => page.evaluate(HOST_STATE),
        (s) => s?.punkter === '13',
        {
          timeout: 20_000,
          what: '<sagsspor-root data-punkter="13">',
        },
      );
      await waitFor(
        () => ext.badgeText(page),
        (b) => b === '13',
        { what: 'badge "13"' },
      );
      assert.deepEqual(await exceptions.stop(), [], 'no uncaught exceptions');
    } finally {
      await shadow.dispose();
      await page.close();
    }
  });

  test('a half-loaded page (cut off inside punkt 7’s heading) shows the punkter it has', T, async () => {
    const { page, exceptions, shadow } = await openWatched(TRUNCATED_URL);
    try {
      await waitFor(
        () => page.evaluate(HOST_STATE),
        (s) => s?.punkter === '6',
        {
          what: '<sagsspor-root data-punkter="6">',
        },
      );
      assert.deepEqual(await exceptions.stop(), [], 'no uncaught exceptions');
    } finally {
      await shadow.dispose();
      await page.close();
    }
  });

  test('broken markup (unclosed, misnested and stray tags) is still read', T, async () => {
    const { page, exceptions, shadow } = await openWatched(MALFORMED_URL);
    try {
      await waitFor(
        () => page.evaluate(HOST_STATE),
        (s) => s?.punkter === '10',
        {
          what: '<sagsspor-root data-punkter="10">',
        },
      );
      assert.deepEqual(await exceptions.stop(), [], 'no uncaught exceptions');
    } finally {
      await shadow.dispose();
      await page.close();
    }
  });
});
