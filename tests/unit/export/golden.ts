// Golden files: compare exactly; `UPDATE_GOLDEN=1 npx vitest run tests/unit/export` rewrites them
// (review the diff before committing).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = join(DIR, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual, 'utf8');
    return;
  }
  if (!existsSync(file))
    throw new Error(`golden file ${name} missing: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual, `golden ${name}`).toBe(readFileSync(file, 'utf8'));
}
