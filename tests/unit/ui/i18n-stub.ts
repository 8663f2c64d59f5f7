// Test helper: answer browser.i18n from the real locale files, with Chrome's
// placeholder substitution, so components render real strings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: 'da' | 'en'): Messages {
  // Vitest runs from the repository root.
  const file = resolve(process.cwd(), 'public/_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

export function getMessageFrom(messages: Messages) {
  return (key: string, subs?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_n, d: string) => args[Number(d) - 1] ?? '');
    });
  };
}

export function stubI18n(locale: 'da' | 'en' = 'en'): void {
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = getMessageFrom(loadMessages(locale));
  i18n.getUILanguage = () => locale;
}
