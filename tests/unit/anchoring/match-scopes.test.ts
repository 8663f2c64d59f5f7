// @vitest-environment jsdom
import approxSearch from 'approx-string-match';
import { expect, it, describe as suite } from 'vitest';
import {
  anchorAll,
  buildTextIndex,
  describe,
  findFuzzyPage,
  locateScopes,
  meetingScopeResolver,
  meetingScopes,
  pageErrorBudget,
  pathFollows,
  scopeAt,
} from '../../../lib/anchoring';
import type { DomRef, Meeting, Punkt } from '../../../lib/model/minutes';
import { htmlDoc } from './helpers';

const WORDS =
  'kommunalbestyrelsen godkender at der afsættes midler til renovering af skolen og daginstitutionen samt at udvalget orienteres om økonomien i projektet borgerne høres'.split(
    ' ',
  );

function pseudoText(n: number, seed: number): string {
  let s = '';
  let x = seed;
  while (s.length < n) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += `${WORDS[x % WORDS.length]} `;
  }
  return s;
}

suite('findFuzzyPage (filter then verify)', () => {
  it('finds the same best match as a full Myers scan with the same budget', () => {
    const text = pseudoText(60_000, 7);
    for (let i = 0; i < 25; i++) {
      const at = 1000 + i * 2200;
      const orig = text.slice(at, at + 60 + i * 7);
      // Introduce a few edits.
      const q = `${orig.slice(0, 10)}X${orig.slice(11, 30)}YZ${orig.slice(30)}`;
      const k = pageErrorBudget(q.length);
      const full = approxSearch(text, q, k);
      const mine = findFuzzyPage(text, q, { prefix: '', suffix: '', hint: at });
      if (full.length === 0) {
        expect(mine).toBeNull();
        continue;
      }
      expect(mine).not.toBeNull();
      expect(mine!.errors).toBe(full[0]!.errors);
      expect(full.some((m) => m.start === mine!.start)).toBe(true);
    }
  });

  it('agrees with a full scan for random edits up to the budget (insertions, deletions, substitutions)', () => {
    const text = pseudoText(40_000, 3);
    let x = 17;
    const rand = (n: number) => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x % n;
    };
    for (let i = 0; i < 60; i++) {
      const len = 20 + rand(200);
      const at = rand(text.length - len);
      let q = text.slice(at, at + len);
      const k = pageErrorBudget(len);
      const edits = rand(k + 3);
      for (let e = 0; e < edits; e++) {
        const p = rand(q.length);
        const op = rand(3);
        if (op === 0) q = `${q.slice(0, p)}Q${q.slice(p + 1)}`;
        else if (op === 1) q = `${q.slice(0, p)}W${q.slice(p)}`;
        else q = q.slice(0, p) + q.slice(p + 1);
      }
      const full = approxSearch(text, q, pageErrorBudget(q.length));
      const mine = findFuzzyPage(text, q, { prefix: '', suffix: '', hint: null });
      if (full.length === 0 || pageErrorBudget(q.length) < 1) {
        expect(mine).toBeNull();
        continue;
      }
      expect(mine, `case ${i}`).not.toBeNull();
      expect(mine!.errors).toBe(full[0]!.errors);
    }
  });

  it('does not fuzzy-match short quotes page-wide', () => {
    expect(pageErrorBudget(16)).toBe(0);
    expect(pageErrorBudget(80)).toBe(8);
    expect(findFuzzyPage('abc defgh ijk', 'defgX ij', { prefix: '', suffix: '', hint: null })).toBeNull();
  });
});

function punkt(n: number, caseNumber: string | null, sections: Punkt['sections'], dom: DomRef | null): Punkt {
  return {
    number: n,
    title: `Punkt ${n}`,
    printedTitle: `Punkt ${n}`,
    prefixes: [],
    caseNumber,
    case: null,
    closed: false,
    decision: null,
    sections,
    attachments: [],
    history: [],
    upcoming: [],
    deepLink: null,
    dom,
  };
}

suite('pathFollows', () => {
  it('orders element paths like the document', () => {
    expect(pathFollows([1, 2], [1, 3])).toBe(true);
    expect(pathFollows([1, 2], [2])).toBe(true);
    expect(pathFollows([1], [1, 0])).toBe(true); // descendant
    expect(pathFollows([1, 0], [1])).toBe(false); // ancestor
    expect(pathFollows([1, 2], [1, 2])).toBe(false);
    expect(pathFollows([2], [1, 5])).toBe(false);
  });
});

suite('meeting scopes', () => {
  const body =
    '<div><h2>Punkt 1 Budget</h2><div><h3>Sagsfremstilling</h3><p>Budgettet for 2024 er stramt.</p><h3>Beslutning</h3><p>Godkendt.</p></div></div>' +
    '<div><h2>Punkt 2 Veje</h2><div><h3>Sagsfremstilling</h3><p>Vejene skal repareres.</p><h3>Beslutning</h3><p>Godkendt.</p></div></div>';
  const ref = (...p: number[]): DomRef => ({ startPath: p, endPath: null });
  // Test-only DomRef resolver: the path names an element; the range is its contents.
  const resolveWith = (doc: Document) => (r: DomRef) => {
    let el: Element | undefined = doc.body;
    for (const i of r.startPath) el = el?.children[i];
    if (!el) return null;
    const range = doc.createRange();
    range.selectNodeContents(el);
    return range;
  };
  const meeting = (): Meeting => ({
    municipality: null,
    committee: null,
    date: null,
    time: null,
    place: null,
    participants: [],
    absent: [],
    kind: 'referat',
    sourceUrl: null,
    punkter: [
      punkt(
        1,
        '00.30.00-S00-1-23',
        [
          { kind: 'sagsfremstilling', heading: 'Sagsfremstilling', text: '', dom: ref(0, 1, 1) },
          { kind: 'beslutning', heading: 'Beslutning', text: '', dom: ref(0, 1, 3) },
        ],
        ref(0),
      ),
      punkt(
        2,
        '05.01.00-P20-4-23',
        [
          { kind: 'sagsfremstilling', heading: 'Sagsfremstilling', text: '', dom: ref(1, 1, 1) },
          { kind: 'beslutning', heading: 'Beslutning', text: '', dom: ref(1, 1, 3) },
        ],
        ref(1),
      ),
    ],
  });

  it('lists scopes, finds the innermost scope of a selection, and anchors "Godkendt." in the right punkt', () => {
    const doc = htmlDoc(body);
    const m = meeting();
    const resolve = meetingScopeResolver(m, resolveWith(doc));
    const scopes = meetingScopes(m, 'k');
    expect(scopes.length).toBe(6);
    const idx = buildTextIndex(doc);
    const second = idx.text.lastIndexOf('Godkendt.');
    const hit = scopeAt(second, locateScopes(idx, scopes, resolve))!;
    expect(hit.scope).toMatchObject({ punktNumber: 2, sectionKind: 'beslutning', sectionIndex: 1 });
    const t = describe(idx, { start: second, end: second + 9 }, hit.scope, resolve)!;
    expect(t.selectors[1]).toMatchObject({ start: 0, end: 9 });
    // Punkter renumbered (a new punkt 1 inserted): the case number finds punkt 2 again.
    const m2 = meeting();
    m2.punkter[1]!.number = 3;
    const [r] = anchorAll([t], idx, meetingScopeResolver(m2, resolveWith(doc)));
    expect(r).toMatchObject({ method: 'position', start: second });
  });

  it('falls back to the whole punkt when the section is gone', () => {
    const doc = htmlDoc(body);
    const m = meeting();
    const idx = buildTextIndex(doc);
    const resolve = meetingScopeResolver(m, resolveWith(doc));
    const s = idx.text.indexOf('Vejene skal');
    const scope = {
      punktNumber: 2,
      caseNumber: null,
      sectionKind: 'sagsfremstilling' as const,
      sectionIndex: 0,
    };
    const t = describe(idx, { start: s, end: s + 11 }, scope, resolve)!;
    m.punkter[1]!.sections = [];
    const [r] = anchorAll([t], idx, meetingScopeResolver(m, resolveWith(doc)));
    expect(r).toMatchObject({ status: 'anchored', method: 'quote', start: s });
  });
});
