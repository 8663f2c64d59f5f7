// @vitest-environment node
// rowLine's one-regex check for already-collapsed cells must agree with collapsing every cell,
// for every short row over the characters that matter (spaces, tabs, other whitespace, letters).
import { describe, expect, it } from 'vitest';
import { rowLine } from '../../../lib/minutes/sections';
import { collapse } from '../../../lib/minutes/text';

const slowRow = (raw: string) => raw.replace(/\t+$/, '').split('\t').map(collapse).join('\t');

describe('rowLine', () => {
  it('equals collapsing every cell for all rows up to five characters', () => {
    const alphabet = ['a', ' ', '\t', '\n', '\u00a0', '\u200b', '\u2003', 'Æ'];
    const rows: string[] = [''];
    for (let len = 1, from = 0; len <= 5; len++) {
      const to = rows.length;
      for (let i = from; i < to; i++) for (const c of alphabet) rows.push(rows[i]! + c);
      from = to;
    }
    let mismatches = 0;
    for (const r of rows) if (rowLine(r) !== slowRow(r)) mismatches++;
    expect(rows.length).toBe(1 + 8 + 64 + 512 + 4096 + 32768);
    expect(mismatches).toBe(0);
  });
});
