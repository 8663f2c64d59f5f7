import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';

export interface TagInputProps {
  id: string;
  tags: string[];
  onTags: (tags: string[]) => void;
  /** What is typed but not yet a tag (the editor adds it on save). */
  draft: string;
  onDraft: (text: string) => void;
  /** Existing tags, most used first. */
  known: readonly string[];
  inputRef?: Ref<HTMLInputElement>;
  maxSuggestions?: number;
}

/** Case-insensitive: prefix matches first, then other substring matches; chosen tags left out. */
export function suggestTags(
  known: readonly string[],
  text: string,
  chosen: readonly string[],
  max = 8,
): string[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const taken = new Set(chosen.map((c) => c.toLowerCase()));
  const starts: string[] = [];
  const inner: string[] = [];
  for (const k of known) {
    const l = k.toLowerCase();
    if (taken.has(l)) continue;
    if (l.startsWith(q)) starts.push(k);
    else if (l.includes(q)) inner.push(k);
  }
  return [...starts, ...inner].slice(0, max);
}

/** Adds a tag (trimmed, whitespace collapsed, max 100 chars, no case-insensitive duplicates). */
export function addTag(tags: readonly string[], raw: string): string[] {
  const tag = raw.replace(/\s+/g, ' ').trim().slice(0, 100);
  if (!tag || tags.some((x) => x.toLowerCase() === tag.toLowerCase())) return [...tags];
  return [...tags, tag];
}

/** Tags as removable chips plus a combobox input that autocompletes from existing tags. */
export function TagInput({
  id,
  tags,
  onTags,
  draft,
  onDraft,
  known,
  inputRef,
  maxSuggestions = 8,
}: TagInputProps) {
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const options = closed ? [] : suggestTags(known, draft, tags, maxSuggestions);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const commit = (value: string) => {
    onTags(addTag(tags, value));
    onDraft('');
    setActive(-1);
  };

  return (
    <div class="tags">
      {tags.length > 0 && (
        <ul class="chips">
          {tags.map((tag) => (
            <li class="chip" key={tag}>
              <span class="chip-text">{tag}</span>
              <button
                type="button"
                class="chip-x"
                aria-label={t('removeTag', [tag])}
                title={t('removeTag', [tag])}
                onClick={() => onTags(tags.filter((x) => x !== tag))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={id}
        type="text"
        class="tag-input"
        data-testid="tag-input"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={options.length > 0 ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && active < options.length ? optionId(active) : undefined}
        placeholder={t('tagInputHint')}
        maxLength={100}
        value={draft}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          setClosed(false);
          setActive(-1);
          if (value.includes(',')) {
            const parts = value.split(',');
            let next = tags;
            for (const p of parts.slice(0, -1)) next = addTag(next, p);
            onTags(next);
            onDraft(parts[parts.length - 1] ?? '');
          } else onDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (options.length === 0) return;
            e.preventDefault();
            const d = e.key === 'ArrowDown' ? 1 : -1;
            // -1 is "no option" (the typed text); wrap through it.
            setActive((a) => {
              const next = a + d;
              if (next >= options.length) return -1;
              if (next < -1) return options.length - 1;
              return next;
            });
            return;
          }
          if (e.key === 'Enter') {
            const chosen = active >= 0 && active < options.length ? options[active] : null;
            if (chosen || draft.trim()) {
              e.preventDefault();
              commit(chosen ?? draft);
            }
            return;
          }
          if (e.key === 'Escape' && options.length > 0) {
            e.preventDefault();
            e.stopPropagation();
            setClosed(true);
            return;
          }
          if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
            onTags(tags.slice(0, -1));
          }
        }}
      />
      {options.length > 0 && (
        <div
          class="suggestions"
          role="listbox"
          id={listId}
          aria-label={t('tagSuggestions')}
          data-testid="tag-suggestions"
        >
          {options.map((o, i) => (
            <div
              key={o}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              class={i === active ? 'suggestion active' : 'suggestion'}
              aria-selected={i === active ? 'true' : 'false'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => commit(o)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  commit(o);
                }
              }}
            >
              {o}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
