import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

export const FIXTURES = '/work/shared/fixtures';

export function fixtureDoc(name: string): Document {
  const html = readFileSync(`${FIXTURES}/${name}`, 'utf8');
  return new JSDOM(html).window.document;
}

export function htmlDoc(body: string): Document {
  return new JSDOM(`<!doctype html><html><head></head><body>${body}</body></html>`).window.document;
}
