import { describe, expect, it } from 'vitest';
import { KLE_MAIN_GROUP_LIST, kleMainGroupName, kleMainGroupOf } from '../../../lib/kle/main-groups';
import { parseCaseNumber } from '../../../lib/minutes';

describe('KLE main groups', () => {
  it('reads the main group from the KLE part of case numbers', () => {
    for (const [raw, group, name] of [
      ['15.00.00-G01-71-19', '15', 'Arbejdsmarked og beskæftigelsesindsats'],
      ['23-5-85.10.00-P07', '85', 'Kommunens administrative systemer'],
      ['24.00.00-G01-16-23', '24', 'Erhvervsforhold'],
    ] as const) {
      const kle = parseCaseNumber(raw)?.kle ?? null;
      expect(kleMainGroupOf(kle), raw).toBe(group);
      expect(kleMainGroupName(kleMainGroupOf(kle))).toBe(name);
    }
  });

  it('has no group for case numbers without a KLE number', () => {
    expect(kleMainGroupOf(parseCaseNumber('22/18533')?.kle ?? null)).toBeNull();
    expect(kleMainGroupName('99')).toBeNull();
  });

  it('lists the groups in number order with names', () => {
    const codes = KLE_MAIN_GROUP_LIST.map((g) => g.code);
    expect(codes).toEqual([...codes].sort());
    expect(KLE_MAIN_GROUP_LIST.every((g) => /^\d{2}$/.test(g.code) && g.name.length > 3)).toBe(true);
  });
});
