import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationColor } from '../../lib/model/annotation';
import { truncate } from '../../lib/ui/text';
import { t } from '../i18n';
import { ANNOTATION_COLORS, colorName, SWATCH } from './colors';
import { addTag, TagInput } from './TagInput';

export interface EditorDraft {
  note: string;
  tags: string[];
  color: AnnotationColor;
}

export interface EditorProps {
  heading: string;
  /** The annotated text (shown as text, shortened); absent for a whole punkt. */
  quote?: string;
  initial: EditorDraft;
  /** Show the colour choice (text annotations). */
  showColor?: boolean;
  /** Which field gets focus when the editor opens. */
  focus?: 'note' | 'tags';
  knownTags: readonly string[];
  /** Viewport position; absent = docked next to the panel. */
  position?: { left: number; top: number } | null;
  /** Existing annotations can be deleted. */
  onDelete?: () => void;
  onSave: (draft: EditorDraft) => void;
  onCancel: () => void;
}

const TABBABLE = 'button, textarea, input, select, a[href], [tabindex]';

/** The dialog's controls in Tab order (no positive tabindex is used here: document order). */
export function tabbables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[hidden]'),
  );
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last: focus stays in the dialog. */
function trapTab(box: HTMLElement, e: KeyboardEvent): void {
  const items = tabbables(box);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = (box.getRootNode() as Document | ShadowRoot).activeElement;
  const inside = !!active && box.contains(active);
  if (e.shiftKey && (active === first || !inside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !inside)) {
    e.preventDefault();
    first.focus();
  }
}

/** A popover to see and edit an annotation's note, tags and colour, or delete it. */
export function Editor({
  heading,
  quote,
  initial,
  showColor = true,
  focus = 'note',
  knownTags,
  position,
  onDelete,
  onSave,
  onCancel,
}: EditorProps) {
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags);
  const [draft, setDraft] = useState('');
  const [color, setColor] = useState(initial.color);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    (focus === 'tags' ? tagRef : noteRef).current?.focus();
  }, []);

  const save = () => onSave({ note: note.trim() === '' ? '' : note, tags: addTag(tags, draft), color });
  const style = position
    ? {
        left: `${Math.max(8, Math.min(position.left, (globalThis.innerWidth ?? 1200) - 340))}px`,
        top: `${Math.max(8, Math.min(position.top, (globalThis.innerHeight ?? 800) - 320))}px`,
      }
    : undefined;

  return (
    <div
      class={position ? 'editor' : 'editor editor-docked'}
      role="dialog"
      aria-label={heading}
      data-testid="editor"
      style={style}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        } else if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) {
          trapTab(e.currentTarget as HTMLElement, e);
        }
      }}
    >
      <p class="editor-heading">{heading}</p>
      {quote && <blockquote class="editor-quote">{truncate(quote, 220)}</blockquote>}
      <label class="field-label" for="sgs-note">
        {t('noteLabel')}
      </label>
      <textarea
        ref={noteRef}
        id="sgs-note"
        class="note-input"
        data-testid="note-input"
        rows={3}
        maxLength={10000}
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label class="field-label" for="sgs-tags">
        {t('tagsLabel')}
      </label>
      <TagInput
        id="sgs-tags"
        tags={tags}
        onTags={setTags}
        draft={draft}
        onDraft={setDraft}
        known={knownTags}
        inputRef={tagRef}
      />
      {showColor && (
        <fieldset class="colors">
          <legend class="field-label">{t('colorLabel')}</legend>
          {ANNOTATION_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              class="swatch"
              data-testid={`color-${c}`}
              aria-pressed={c === color ? 'true' : 'false'}
              aria-label={colorName(c)}
              title={colorName(c)}
              style={{ background: SWATCH[c] }}
              onClick={() => setColor(c)}
            />
          ))}
        </fieldset>
      )}
      <div class="actions">
        {onDelete && (
          <button type="button" class="btn btn-danger" data-testid="delete" onClick={onDelete}>
            {t('deleteAnnotation')}
          </button>
        )}
        <span class="grow" />
        <button type="button" class="btn" data-testid="cancel" onClick={onCancel}>
          {t('cancelEdit')}
        </button>
        <button type="button" class="btn btn-primary" data-testid="save" onClick={save}>
          {t('saveAnnotation')}
        </button>
      </div>
    </div>
  );
}
