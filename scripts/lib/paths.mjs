// Where things are: the repo root, the builds, and the read-only ../shared
// material (fixtures, seeds) that lives beside the repo.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const chromeBuildDir = join(repoRoot, '.output/chrome-mv3');
export const firefoxBuildDir = join(repoRoot, '.output/firefox-mv2');
export const demoDir = join(repoRoot, 'demo');

const hasManifest = (dir) => existsSync(join(dir, 'fixtures/manifest.json'));

/**
 * Finds the shared/ folder: $SAGSSPOR_SHARED, else `shared/` beside the repo
 * root or beside any ancestor, else beside the main checkout of a git worktree.
 * Returns null when there is none.
 */
export function findSharedDir() {
  const candidates = [];
  if (process.env.SAGSSPOR_SHARED) candidates.push(resolve(process.env.SAGSSPOR_SHARED));
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    candidates.push(join(dir, '..', 'shared'), join(dir, 'shared'));
    if (dirname(dir) === dir) break;
  }
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    candidates.push(join(dirname(common), '..', 'shared'));
  } catch {
    // not a git checkout: fine
  }
  return candidates.map((dir) => resolve(dir)).find(hasManifest) ?? null;
}

/** Like findSharedDir, but throws a helpful error when shared/ is missing. */
export function requireSharedDir() {
  const dir = findSharedDir();
  if (!dir) {
    throw new Error(
      `Cannot find the shared fixtures (shared/fixtures/manifest.json). Expected ${resolve(repoRoot, '..', 'shared')}; ` +
        'set SAGSSPOR_SHARED=/path/to/shared to point elsewhere.',
    );
  }
  return dir;
}
