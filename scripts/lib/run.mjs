// Running commands with live output, and step bookkeeping for the scripts.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/** A binary from node_modules/.bin. */
export const bin = (name) => join(repoRoot, 'node_modules/.bin', name);

/**
 * Runs a command, streaming its output, and resolves with its exit code and
 * (combined) output text.
 * @returns {Promise<{ code: number, output: string }>}
 */
export function run(cmd, args = [], { env, cwd = repoRoot } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', (e) => {
      output += String(e);
      console.error(e.message);
      resolve({ code: 127, output });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

export const header = (title) => console.log(`\n━━━ ${title} ${'━'.repeat(Math.max(3, 70 - title.length))}`);

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
