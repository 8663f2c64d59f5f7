// @vitest-environment node
// The CLI: `npm run --silent parse -- --url URL FILE` prints the model as JSON.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { manifest, SHARED } from './helpers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function cli(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/parse.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/parse.ts', () => {
  it('parses an HTML page at its URL', () => {
    const e = manifest().find((x) => x.file === '001-meetingsplus.html')!;
    const r = cli('--url', e.url, resolve(SHARED, 'fixtures', e.file));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.isMinutes).toBe(true);
    expect(out.platform).toBe('meetingsplus');
    expect(out.meeting.committee).toBe(e.truth.committee);
    expect(out.meeting.punkter.map((p: { number: number }) => p.number)).toEqual(
      e.truth.punkter!.map((p) => p.number),
    );
    const p = out.meeting.punkter[0];
    for (const k of ['number', 'title', 'caseNumber', 'closed', 'decision', 'sections'])
      expect(p).toHaveProperty(k);
    expect(p.deepLink).toBe(`${e.url}#id_10088`);
  });

  it('parses a text seed (--pretty)', () => {
    const r = cli('--pretty', resolve(SHARED, 'seeds', '002_51b12b1e3d4a3191.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n  "isMinutes": true');
    const out = JSON.parse(r.stdout);
    expect(out.platform).toBe('text');
    expect(out.meeting.punkter).toHaveLength(14);
  });

  it('a page that is not minutes: exit 0, isMinutes false, no meeting', () => {
    const r = cli(
      '--url',
      'https://www.ballerup.dk/nyheder/x',
      resolve(SHARED, 'fixtures', 'neg-news-article.html'),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ isMinutes: false, reason: 'not-minutes' });
    expect(out).not.toHaveProperty('meeting');
  });

  it('a missing file: exit 2, message on stderr, nothing on stdout', () => {
    const r = cli('/nonexistent/file.html');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot read/);
  });
});
