import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Follow, Topic, TopicKind } from '../../lib/model/records';
import type { DataApi, FollowInput, TopicWithCount } from '../../lib/ui-client/api';
import { tr } from '../common/i18n';
import { type ToastMessage, toastOf } from '../common/Toast';

export interface PopupData {
  /** null while loading; 'error' when the background did not answer. */
  follows: Follow[] | null | 'error';
  /** False while `follows` holds only the first rows (`firstFollows`) and the whole list is on its way. */
  complete: boolean;
  topics: TopicWithCount[] | null;
  followed: ReadonlySet<string>;
  toast: ToastMessage | null;
  closeToast: () => void;
  follow: (input: FollowInput) => void;
  unfollow: (caseKey: string, title: string) => void;
  markSeen: (caseKey: string) => void;
  addTopic: (kind: TopicKind, value: string) => Promise<void>;
  removeTopic: (topic: Topic) => void;
}

/**
 * The popup's data: followed cases and topics, requested in parallel as soon as the popup opens.
 * With `firstFollows` (the first rows, latest activity first, asked for before the popup rendered)
 * those are shown first and the whole list is asked for once they are painted.
 */
export function usePopupData(api: DataApi, firstFollows?: () => Promise<Follow[]>): PopupData {
  const [follows, setFollows] = useState<Follow[] | null | 'error'>(null);
  const [partial, setPartial] = useState(false);
  const [topics, setTopics] = useState<TopicWithCount[] | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const closeToast = useCallback(() => setToast(null), []);

  const loadFollows = useCallback(
    () =>
      api.listFollowed().then(
        (f) => setFollows(f),
        () => setFollows((prev) => (Array.isArray(prev) ? prev : 'error')),
      ),
    [api],
  );
  const loadTopics = useCallback(
    () =>
      api.topics().then(
        (t) => setTopics(t),
        () => setTopics((prev) => prev ?? []),
      ),
    [api],
  );
  // Once, when the popup opens (no dependencies: `firstFollows` is asked for once). A layout effect
  // runs right after the first render, not after the first paint as effects do: the answer is taken
  // the moment it arrives.
  useLayoutEffect(() => {
    loadTopics();
    if (!firstFollows) {
      loadFollows();
      return;
    }
    firstFollows().then(
      (f) => {
        setFollows((prev) => (prev === null ? f : prev));
        setPartial(true);
      },
      () => loadFollows(),
    );
  }, []);
  // Effects run after paint: the whole list (count, "show more") once the first rows are on screen.
  useEffect(() => {
    if (partial) loadFollows().finally(() => setPartial(false));
  }, [partial, loadFollows]);

  const fail = () => setToast(toastOf(tr('popup_actionFailed')));
  const list = Array.isArray(follows) ? follows : [];
  const followed = new Set(list.map((f) => f.caseKey));

  return {
    follows,
    complete: !partial,
    topics,
    followed,
    toast,
    closeToast,
    follow: (input) => {
      api.follow(input).then(() => {
        setToast(toastOf(tr('popup_followedToast', [input.title]), () => unfollowQuiet(input.caseKey)));
        return loadFollows();
      }, fail);
    },
    unfollow: (caseKey, title) => {
      // Optimistic: the row leaves at once; undo puts it back.
      setFollows((prev) => (Array.isArray(prev) ? prev.filter((f) => f.caseKey !== caseKey) : prev));
      api.unfollow(caseKey).then(
        () =>
          setToast(
            toastOf(tr('popup_unfollowedToast', [title]), () => {
              api.undoUnfollow(caseKey).then(loadFollows, fail);
            }),
          ),
        () => {
          fail();
          loadFollows();
        },
      );
    },
    markSeen: (caseKey) => {
      setFollows((prev) =>
        Array.isArray(prev) ? prev.map((f) => (f.caseKey === caseKey ? { ...f, newCount: 0 } : f)) : prev,
      );
      api.markSeen(caseKey).catch(() => {});
    },
    addTopic: async (kind, value) => {
      await api.addTopic(kind, value);
      await loadTopics();
    },
    removeTopic: (topic) => {
      setTopics((prev) => prev?.filter((t) => t.topic.id !== topic.id) ?? prev);
      api.removeTopic(topic.id).then(
        () =>
          setToast(
            toastOf(tr('popup_topicRemovedToast'), () => {
              api.restoreTopic(topic.id).then(loadTopics, fail);
            }),
          ),
        () => {
          fail();
          loadTopics();
        },
      );
    },
  };

  function unfollowQuiet(caseKey: string) {
    api.unfollow(caseKey).then(loadFollows, fail);
  }
}
