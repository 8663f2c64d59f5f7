// A fake web: pages served at their real-looking URLs from local files, for
// browser tests and `npm start`. Nothing reaches the network.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDir, requireSharedDir } from './paths.mjs';

/**
 * @typedef {{ file: string, url: string, style?: string, municipality?: string, truth?: any }} ManifestEntry
 * @typedef {ManifestEntry & { path: string }} Fixture
 */

/** Reads a manifest.json (array of { file, url, … }) and resolves file paths. */
export function loadManifest(dir) {
  /** @type {ManifestEntry[]} */
  const entries = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return entries.map((e) => ({ ...e, path: join(dir, e.file) }));
}

/** The shared fixtures (../shared/fixtures) with their URLs and ground truth. */
export function sharedFixtures() {
  return loadManifest(join(requireSharedDir(), 'fixtures'));
}

/** The bundled demo pages (demo/manifest.json). */
export function demoPages() {
  return loadManifest(demoDir);
}

const stripHash = (url) => url.split('#')[0];

/**
 * A set of pages keyed by URL. `lookup(url)` finds the page for a request:
 * the exact URL (fragment ignored), else the same origin + path whose
 * manifest query parameters are all present (so `vis?id=X&punktid=Y` still
 * finds `vis?id=X`). Every request is logged in `requests`.
 */
export class Site {
  constructor() {
    /** @type {Map<string, { body: string | Buffer, contentType: string }>} */
    this.pages = new Map();
    /** @type {string[]} */
    this.requests = [];
  }

  /** Adds a page from a file or a string body. */
  add(url, { path, body, contentType = 'text/html; charset=utf-8' }) {
    this.pages.set(stripHash(url), { body: body ?? readFileSync(path), contentType });
    return this;
  }

  /** Adds manifest entries (fixtures or demo pages). */
  addAll(entries) {
    for (const e of entries) this.add(e.url, { path: e.path });
    return this;
  }

  lookup(rawUrl) {
    const url = stripHash(rawUrl);
    const exact = this.pages.get(url);
    if (exact) return exact;
    let want;
    try {
      want = new URL(url);
    } catch {
      return undefined;
    }
    for (const [key, page] of this.pages) {
      const have = new URL(key);
      if (have.origin !== want.origin || have.pathname !== want.pathname) continue;
      if ([...have.searchParams].every(([k, v]) => want.searchParams.get(k) === v)) return page;
    }
    return undefined;
  }

  /** Resolves a request: the page, or a 404 for anything else on http(s). */
  respond(url) {
    this.requests.push(url);
    const page = this.lookup(url);
    if (page) return { status: 200, contentType: page.contentType, body: page.body };
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found (offline test site)' };
  }
}
