// All UI text goes through browser.i18n (public/_locales/{da,en}/messages.json).
// Keep MESSAGE_KEYS in sync with the locale files: a unit test checks it.
import { browser } from 'wxt/browser';

export const MESSAGE_KEYS = [
  'extName',
  'extDescription',
  'punkterCount',
  'punkterCountOne',
  'pillNotRecognised',
  'panelLabel',
  'closePanel',
  'outlineHeading',
  'caseNumber',
  'closedBadge',
  'decisionLabel',
  'jumpTo',
  'kindReferat',
  'kindDagsorden',
  'meetingFallbackTitle',
  'labelMunicipality',
  'labelDate',
  'labelTime',
  'labelPlace',
  'labelAbsent',
  'notRecognisedTitle',
  'notRecognisedBody',
  'popupNotMinutes',
  'popupLoading',
  'popupNoTab',
  'shortcutHint',
  'jumpFailed',
  'locale',
  'readAnyway',
  'readAnywayFailed',
  // issue 3: annotations
  'annotateToolbar',
  'highlightIn',
  'colorYellow',
  'colorGreen',
  'colorBlue',
  'colorPink',
  'colorPurple',
  'addNote',
  'addTags',
  'editorLabel',
  'editorPunktLabel',
  'noteLabel',
  'tagsLabel',
  'tagInputHint',
  'tagSuggestions',
  'removeTag',
  'colorLabel',
  'saveAnnotation',
  'cancelEdit',
  'deleteAnnotation',
  'annotationDeleted',
  'undo',
  'annotationsHeading',
  'noAnnotations',
  'editAnnotation',
  'wholePunkt',
  'punktShort',
  'orphansHeading',
  'orphansHelp',
  'orphanAttach',
  'orphanAttachLabel',
  'orphanDeleteLabel',
  'orphanNeedsSelection',
  'savingPending',
  'storageFull',
  'saveFailed',
  'persistNotice',
  'persistNoticeLink',
  'dismiss',
  'annotationCount',
  'annotationCountOne',
  'punktNote',
  // background: new appearances of followed cases (badge title, notifications)
  'badgeNewTitle',
  'notifyNewTitle',
  'notifyNewTitleOne',
  'notifyMore',
  // issue 4: following from the outline
  'follow',
  'following',
  'followPunkt',
  'unfollowPunkt',
  'newAppearance',
  'topicMatch',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

type GetMessage = (key: string, substitutions?: string | string[]) => string;

/** Translate `key`; substitutions fill $1…$9 placeholders. Falls back to the key, never throws. */
export function t(key: MessageKey, substitutions?: (string | number)[]): string {
  try {
    const get = browser.i18n.getMessage as unknown as GetMessage;
    const text = get(key, substitutions?.map(String));
    return text || key;
  } catch {
    return key;
  }
}

/** "1 punkt" / "13 punkter". */
export function punkterCount(n: number): string {
  return n === 1 ? t('punkterCountOne') : t('punkterCount', [n]);
}

/** The locale the UI text is in (the one browser.i18n picked), for formatting dates to match. */
export function uiLocale(): string {
  return t('locale') === 'en' ? 'en-GB' : 'da-DK';
}

/** "2023-06-06" → "6. juni 2023" (da) / "6 June 2023" (en); the ISO string if formatting fails. */
/** A moment (ms since the epoch) as a date and time in the UI locale and the user's time zone. */
export function formatDateTime(ms: number): string {
  try {
    return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(ms),
    );
  } catch {
    return new Date(ms).toISOString();
  }
}

export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  try {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}
