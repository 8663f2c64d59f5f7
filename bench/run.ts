// `npm run bench [-- MODULE…]`: runs the registered bench modules, prints a
// table with the targets beside the figures, and writes bench-results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../scripts/lib/paths.mjs';
import { modules } from './modules';
import type { BenchValue, Target } from './types';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = only.filter((n) => !modules.some((m) => m.name === n));
if (unknown.length) {
  console.error(
    `unknown bench module(s): ${unknown.join(', ')}; known: ${modules.map((m) => m.name).join(', ')}`,
  );
  process.exit(2);
}

const results: Record<string, BenchValue> = {};
const targets: Record<string, Target> = {};
const failed: string[] = [];
const rows: { module: string; metric: string; value: string; target: string; ok: string }[] = [];

const describeTarget = (t: Target) =>
  [t.min !== undefined && t.max !== undefined && t.min === t.max ? `= ${t.min}` : '']
    .concat(t.min !== undefined && t.min !== t.max ? `≥ ${t.min}` : '')
    .concat(t.max !== undefined && t.min !== t.max ? `≤ ${t.max}` : '')
    .filter(Boolean)
    .join(' ') + (t.unit && t.unit !== '×' ? ` ${t.unit}` : '');
const meets = (v: number, t: Target) =>
  (t.max === undefined || v <= t.max) && (t.min === undefined || v >= t.min);

for (const m of modules) {
  if (only.length && !only.includes(m.name)) continue;
  process.stderr.write(`bench: ${m.name} (${m.description})…\n`);
  const started = performance.now();
  try {
    const figures = await m.run();
    Object.assign(results, figures);
    Object.assign(targets, m.targets ?? {});
    for (const [metric, value] of Object.entries(figures)) {
      const t = m.targets?.[metric];
      if (typeof value === 'object') {
        for (const [k, v] of Object.entries(value))
          rows.push({ module: m.name, metric: `${metric}[${k}]`, value: String(v), target: '', ok: '' });
        continue;
      }
      rows.push({
        module: m.name,
        metric,
        value: String(value),
        target: t ? describeTarget(t) : '',
        ok: t && typeof value === 'number' ? (meets(value, t) ? 'yes' : 'NO') : '',
      });
    }
    process.stderr.write(`bench: ${m.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (e) {
    failed.push(m.name);
    console.error(`bench: ${m.name} FAILED:`, e);
  }
}

const widths = {
  module: Math.max(6, ...rows.map((r) => r.module.length)),
  metric: Math.max(6, ...rows.map((r) => r.metric.length)),
  value: Math.max(5, ...rows.map((r) => r.value.length)),
  target: Math.max(6, ...rows.map((r) => r.target.length)),
};
const line = (r: (typeof rows)[number]) =>
  `${r.module.padEnd(widths.module)}  ${r.metric.padEnd(widths.metric)}  ${r.value.padStart(widths.value)}  ${r.target.padEnd(widths.target)}  ${r.ok}`;
console.log(line({ module: 'module', metric: 'metric', value: 'value', target: 'target', ok: 'meets' }));
console.log('-'.repeat(widths.module + widths.metric + widths.value + widths.target + 14));
for (const r of rows) console.log(line(r));

const out = join(repoRoot, 'bench-results.json');
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  environment: 'Node + jsdom (browsers are typically several times faster)',
  targets,
  failed,
};
// A run of some modules updates their figures and keeps the others'.
let previous: Record<string, BenchValue> = {};
if (only.length && existsSync(out)) {
  try {
    const { _meta, ...rest } = JSON.parse(readFileSync(out, 'utf8'));
    previous = rest;
  } catch {
    // unreadable: start afresh
  }
}
writeFileSync(out, `${JSON.stringify({ ...previous, ...results, _meta: meta }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
const missed = rows.filter((r) => r.ok === 'NO').map((r) => r.metric);
if (missed.length) console.log(`targets missed: ${missed.join(', ')}`);
if (failed.length) process.exit(1);
