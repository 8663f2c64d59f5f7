import { describe, expect, it } from 'vitest';
import { UI_KEYS } from '../../../components/common/i18n';
import { loadMessages } from '../ui/i18n-stub';

describe('popup/dashboard text', () => {
  const da = loadMessages('da');
  const en = loadMessages('en');
  it('has every popup_/dash_ key in Danish and English with the same placeholders', () => {
    for (const key of UI_KEYS) {
      expect(da[key]?.message, `da ${key}`).toBeTruthy();
      expect(en[key]?.message, `en ${key}`).toBeTruthy();
      expect(Object.keys(da[key]?.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
    }
  });
  it('lists every popup_/dash_ key of the locale files', () => {
    const mine = Object.keys(da).filter((k) => /^(popup|dash)_/.test(k));
    expect(mine.sort()).toEqual([...UI_KEYS].sort());
  });
});
