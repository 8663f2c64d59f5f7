// UI text of the popup's data sections and the dashboard (keys prefixed popup_/dash_), through
// browser.i18n like every other string (components/i18n.ts). Keep UI_KEYS in sync with
// public/_locales/{da,en}/messages.json: tests/unit/dashboard/i18n.test.ts checks it.
import { type MessageKey, t } from '../i18n';

export const UI_KEYS = [
  'dash_dismiss',
  'dash_showMore',
  'dash_undo',
  'popup_actionFailed',
  'popup_annotationUntitled',
  'popup_follow',
  'popup_followPunkt',
  'popup_followedEmpty',
  'popup_followedHeading',
  'popup_followedToast',
  'popup_following',
  'popup_linkAnnotations',
  'popup_linkBackup',
  'popup_linkExport',
  'popup_linksLabel',
  'popup_loadFailed',
  'popup_loading',
  'popup_openCase',
  'popup_openCaseNew',
  'popup_searchCases',
  'popup_searchFailed',
  'popup_searchHeading',
  'popup_searchLabel',
  'popup_searchNone',
  'popup_searchNotes',
  'popup_searchPlaceholder',
  'popup_searchTruncated',
  'popup_searching',
  'popup_topicAdd',
  'popup_topicAddFailed',
  'popup_topicCommittee',
  'popup_topicEmpty',
  'popup_topicKind',
  'popup_topicKindCommittee',
  'popup_topicKindKle',
  'popup_topicKindPhrase',
  'popup_topicKle',
  'popup_topicKleInvalid',
  'popup_topicKlePlaceholder',
  'popup_topicMatches',
  'popup_topicPlaceholder',
  'popup_topicRemove',
  'popup_topicRemovedToast',
  'popup_topicValue',
  'popup_topicsEmpty',
  'popup_topicsHeading',
  'popup_unfollow',
  'popup_unfollowCase',
  'popup_unfollowPunkt',
  'popup_unfollowedToast',
] as const;
export type UiKey = (typeof UI_KEYS)[number];

/** Translate one of this UI's keys (falls back to the key, never throws). */
export function tr(key: UiKey, substitutions?: (string | number)[]): string {
  return t(key as unknown as MessageKey, substitutions);
}
