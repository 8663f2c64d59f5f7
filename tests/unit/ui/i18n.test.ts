import { describe, expect, it } from 'vitest';
import { UI_KEYS } from '../../../components/common/i18n';
import { formatDate, MESSAGE_KEYS, punkterCount, t } from '../../../components/i18n';
import { loadMessages, stubI18n } from './i18n-stub';

describe('i18n', () => {
  const da = loadMessages('da');
  const en = loadMessages('en');

  it('has every UI key in Danish and English, and no stray keys', () => {
    // Core/panel/background keys (MESSAGE_KEYS) plus the popup/dashboard keys (UI_KEYS).
    const all = [...MESSAGE_KEYS, ...UI_KEYS].sort();
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(da).sort()).toEqual(all);
    expect(Object.keys(en).sort()).toEqual(all);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of MESSAGE_KEYS) {
      expect(Object.keys(da[key]?.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
    }
  });

  it('translates with substitutions', () => {
    stubI18n('da');
    expect(t('caseNumber', ['22/18533'])).toBe('Sagsnr. 22/18533');
    expect(punkterCount(13)).toBe('13 punkter');
    expect(punkterCount(1)).toBe('1 punkt');
    expect(formatDate('2023-06-06')).toBe('6. juni 2023');
    stubI18n('en');
    expect(t('jumpTo', [3, 'Klimapris 2023'])).toBe('Go to item 3: Klimapris 2023');
    expect(punkterCount(2)).toBe('2 items');
  });

  it('falls back to the key instead of throwing', () => {
    stubI18n('en');
    expect(t('nope' as never)).toBe('nope');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
