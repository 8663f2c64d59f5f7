import { describe, expect, it } from 'vitest';
import { UI_KEYS } from '../../../components/common/i18n';
import { MESSAGE_KEYS } from '../../../components/i18n';
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

describe('all locale text', () => {
  const locales = { da: loadMessages('da'), en: loadMessages('en') };
  const all = [...MESSAGE_KEYS, ...UI_KEYS];

  it('uses exactly the placeholders it defines, and leaves no empty slot like "()"', () => {
    for (const [locale, messages] of Object.entries(locales)) {
      for (const key of all) {
        const { message, placeholders = {} } = messages[key]!;
        const used = [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
        expect(new Set(used), `${locale} ${key}`).toEqual(new Set(Object.keys(placeholders)));
        expect(message, `${locale} ${key}`).not.toMatch(/\(\s*\)/);
      }
    }
  });

  // Counts in front of a plural noun need a singular variant `<key>One` ("1 note", not "1 noter").
  const PLURAL_AFTER_COUNT =
    /\$[A-Z0-9_]+\$ (items|notes|annotations|treatments|new treatments|punkter|noter|markeringer|behandlinger|nye|flere)\b/;
  /** Counts that are never 1, with the reason. */
  const NEVER_ONE: Record<string, string> = {
    dash_annotationsCountCapped: 'only when more than the 1000 fetched matched',
    popup_backupReminder: 'only when the last backup is 30 days old or more',
    notifyNewTitle: 'notifyNewTitleOne is chosen for one',
  };

  it('has a singular variant for every count of a plural noun', () => {
    for (const [locale, messages] of Object.entries(locales)) {
      for (const key of all) {
        if (key.endsWith('One') || key in NEVER_ONE) continue;
        if (!PLURAL_AFTER_COUNT.test(messages[key]!.message)) continue;
        expect(all, `${locale} ${key}: "${messages[key]!.message}" needs ${key}One`).toContain(`${key}One`);
      }
    }
  });

  it('gives a singular variant the placeholders of its key but the count', () => {
    for (const key of all.filter((k) => k.endsWith('One'))) {
      const base = key.slice(0, -3);
      if (!(all as string[]).includes(base)) continue;
      for (const [locale, messages] of Object.entries(locales)) {
        const many = Object.keys(messages[base]!.placeholders ?? {});
        const one = Object.keys(messages[key]!.placeholders ?? {});
        expect(one.length, `${locale} ${key}`).toBe(many.length - 1);
      }
    }
  });
});
