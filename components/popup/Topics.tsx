import { useState } from 'preact/hooks';
import { KLE_MAIN_GROUP_LIST, kleMainGroupName } from '../../lib/kle/main-groups';
import type { Topic, TopicKind } from '../../lib/model/records';
import type { TopicWithCount } from '../../lib/ui-client/api';
import { tr, trCount } from '../common/i18n';

export interface TopicsProps {
  topics: readonly TopicWithCount[] | null;
  onAdd: (kind: TopicKind, value: string) => Promise<void>;
  onRemove: (topic: Topic) => void;
  /** Opens the topic's matching punkter (dashboard). */
  onOpen?: (topic: Topic) => void;
}

export function topicLabel(t: Pick<Topic, 'kind' | 'value'>): string {
  if (t.kind === 'kle') {
    const name = kleMainGroupName(t.value);
    return `${tr('popup_topicKle', [t.value])}${name ? ` ${name}` : ''}`;
  }
  if (t.kind === 'committee') return tr('popup_topicCommittee', [t.value]);
  return t.value;
}

/** Followed topics with their match counts, and a small form to add one. */
export function Topics({ topics, onAdd, onRemove, onOpen }: TopicsProps) {
  const [kind, setKind] = useState<TopicKind>('phrase');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const valid = kind === 'kle' ? /^\d{1,2}$/.test(value.trim()) : value.trim().length > 0;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!valid) {
      setError(tr(kind === 'kle' ? 'popup_topicKleInvalid' : 'popup_topicEmpty'));
      return;
    }
    const v = kind === 'kle' ? value.trim().padStart(2, '0') : value.trim();
    onAdd(kind, v).then(
      () => {
        setValue('');
        setError(null);
      },
      () => setError(tr('popup_topicAddFailed')),
    );
  };
  return (
    <div data-testid="topics">
      {topics === null ? (
        <p class="sgs-muted popup-pad">{tr('popup_loading')}</p>
      ) : topics.length === 0 ? (
        <p class="sgs-muted popup-pad">{tr('popup_topicsEmpty')}</p>
      ) : (
        <ul class="topics">
          {topics.map(({ topic, count }) => (
            <li class="topic" key={topic.id} data-topic-id={topic.id}>
              {onOpen ? (
                <button
                  type="button"
                  class="sgs-button sgs-button-link topic-label"
                  aria-label={trCount('popup_topicOpen', count, [topicLabel(topic)])}
                  onClick={() => onOpen(topic)}
                >
                  {topicLabel(topic)}
                </button>
              ) : (
                <span class="topic-label">{topicLabel(topic)}</span>
              )}{' '}
              <span class="topic-count" aria-hidden="true">
                {count}
              </span>
              <span class="sgs-visually-hidden">{trCount('popup_topicMatches', count)}</span>
              <button
                type="button"
                class="sgs-button sgs-button-icon"
                aria-label={tr('popup_topicRemove', [topicLabel(topic)])}
                onClick={() => onRemove(topic)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="topic-form" onSubmit={submit}>
        <select
          class="sgs-input"
          aria-label={tr('popup_topicKind')}
          value={kind}
          onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as TopicKind)}
        >
          <option value="phrase">{tr('popup_topicKindPhrase')}</option>
          <option value="committee">{tr('popup_topicKindCommittee')}</option>
          <option value="kle">{tr('popup_topicKindKle')}</option>
        </select>
        {kind === 'kle' ? (
          // KL's main groups (lib/kle): pick by name, stored as the two-digit code.
          <select
            class="sgs-input topic-value"
            aria-label={tr('popup_topicValue')}
            value={value}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setValue((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{tr('popup_topicKlePlaceholder')}</option>
            {KLE_MAIN_GROUP_LIST.map((g) => (
              <option key={g.code} value={g.code}>
                {g.code} {g.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            class="sgs-input topic-value"
            type="text"
            aria-label={tr('popup_topicValue')}
            placeholder={tr(
              kind === 'committee' ? 'popup_topicPlaceholderCommittee' : 'popup_topicPlaceholder',
            )}
            value={value}
            aria-invalid={error ? true : undefined}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          />
        )}
        <button type="submit" class="sgs-button sgs-button-small">
          {tr('popup_topicAdd')}
        </button>
      </form>
      {error && (
        <p class="popup-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
