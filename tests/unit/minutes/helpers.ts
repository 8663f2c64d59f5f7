// Shared test helpers: the domain material in ../shared and jsdom documents.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
/** tests/unit/minutes → repo root → ../shared */
export const SHARED = resolve(here, '../../../../shared');

export interface TruthPunkt {
  number: number;
  title: string;
  caseNumber: string | null;
  closed: boolean;
  decision: string | null;
}
export interface Truth {
  isMinutes: boolean;
  committee?: string;
  date?: string;
  punkter?: TruthPunkt[];
}
export interface ManifestEntry {
  file: string;
  url: string;
  seed?: string;
  style: string;
  municipality?: string;
  truth: Truth;
}

export function manifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(resolve(SHARED, 'fixtures/manifest.json'), 'utf8')) as ManifestEntry[];
}

export function fixtureHtml(file: string): string {
  return readFileSync(resolve(SHARED, 'fixtures', file), 'utf8');
}

export function seedText(file: string): string {
  return readFileSync(resolve(SHARED, 'seeds', file), 'utf8');
}

export function htmlDoc(html: string, url = 'https://example.dk/'): Document {
  return new JSDOM(html, { url }).window.document;
}

/** Wrap body markup in a minimal page with site chrome. */
export function page(body: string, title = 'Side'): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header><a href="/">Eksempel Kommune</a><nav><ul><li><a href="/politik">Politik</a></li></ul></nav></header>
<main>${body}</main>
<footer><p>Eksempel Kommune · Rådhuset · Telefon 70 00 00 00</p></footer></body></html>`;
}

/** Run the page's own scripts (client-rendered portal) and wait for them. */
export async function renderedDoc(html: string, url: string, waitMs = 400): Promise<JSDOM> {
  const dom = new JSDOM(html, { url, runScripts: 'dangerously', pretendToBeVisual: true });
  await new Promise((r) => setTimeout(r, waitMs));
  return dom;
}
