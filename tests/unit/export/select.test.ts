import { describe, expect, it } from 'vitest';
import { selectBundle } from '../../../lib/export';
import { CASE_3, CASE_4, GENERATED_AT, MEETING_KEY, source, uuid } from './fixture';

const ids = (b: { annotations: { id: string }[] }) => b.annotations.map((a) => a.id).sort();

describe('selectBundle', () => {
  it('meeting: its annotations (not deleted), the meeting and follows of its cases', () => {
    const b = selectBundle(source, { kind: 'meeting', key: MEETING_KEY }, { now: GENERATED_AT });
    expect(ids(b)).toEqual([1, 2, 3, 4, 5, 6].map(uuid));
    expect(b.meetings.map((m) => m.key)).toEqual([MEETING_KEY]);
    expect(b.follows?.map((f) => f.caseKey)).toEqual([CASE_4]);
    expect(b.generatedAt).toBe(GENERATED_AT);
    expect(b.scope).toEqual({
      kind: 'meeting',
      key: MEETING_KEY,
      label: 'Ballerup — Erhvervs-, Beskæftigelses- og Uddannelsesudvalget — 2023-06-06',
    });
    expect(selectBundle(source, { kind: 'meeting', key: 'nope' }).annotations).toEqual([]);
  });

  it('case: by case key (derived like the database when absent), with appearances and title', () => {
    const b = selectBundle(source, { kind: 'case', key: CASE_4 }, { now: GENERATED_AT });
    expect(ids(b)).toEqual([4, 5, 6].map(uuid));
    expect(b.appearances?.every((a) => a.caseKey === CASE_4)).toBe(true);
    expect(b.appearances?.length).toBe(6);
    expect(b.scope.label).toBe('Klimapris 2023 (24.00.00-G01-14-23)');
    const c3 = selectBundle(source, { kind: 'case', key: CASE_3 });
    expect(ids(c3)).toEqual([1, 2, 3].map(uuid));
    expect(c3.scope.label).toBe('Forsvarets industrimesse, DALO Industry Days (24.00.00-G01-16-23)');
  });

  it('tag: case-insensitive; all: everything but deleted annotations and unfollowed cases', () => {
    expect(ids(selectBundle(source, { kind: 'tag', tag: 'KLIMA' }))).toEqual([4, 5].map(uuid));
    expect(selectBundle(source, { kind: 'tag', tag: 'Klima' }, { lang: 'en' }).scope.label).toBe('Tag Klima');
    const all = selectBundle(source, { kind: 'all' });
    expect(ids(all)).toEqual([1, 2, 3, 4, 5, 6].map(uuid));
    expect(all.scope.label).toBe('Alle noter');
    const unfollowed = { ...source, follows: source.follows!.map((f) => ({ ...f, unfollowedAt: 1 })) };
    expect(selectBundle(unfollowed, { kind: 'all' }).follows).toEqual([]);
  });
});
