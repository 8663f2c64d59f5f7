import { useState } from 'preact/hooks';
import type { DataApi, TagCount, TagEdit } from '../../lib/ui-client/api';
import { useLoad } from '../common/hooks';
import { tr } from '../common/i18n';

export interface TagsProps {
  api: DataApi;
  onToast: (text: string, undo?: () => void) => void;
}

/** Every tag with its count: rename, merge into another tag, delete — each undoable. */
export function Tags({ api, onToast }: TagsProps) {
  const [state, reload] = useLoad(() => api.listTags(), [api]);
  const [busy, setBusy] = useState(false);

  const run = (op: Promise<TagEdit>, text: string) => {
    setBusy(true);
    op.then(
      (edit) => {
        onToast(text, () => {
          api.undoTagEdit(edit.undoToken).then(reload, () => onToast(tr('popup_actionFailed')));
        });
        reload();
      },
      () => onToast(tr('popup_actionFailed')),
    ).finally(() => setBusy(false));
  };

  if (state.status === 'loading') return <p class="sgs-muted">{tr('popup_loading')}</p>;
  if (state.status === 'error') return <p class="dash-error">{tr('dash_loadFailed')}</p>;
  const tags = state.data;
  return (
    <section>
      <h1>{tr('dash_tagsHeading')}</h1>
      {tags.length === 0 ? (
        <p class="sgs-muted">{tr('dash_tagsEmpty')}</p>
      ) : (
        <table class="dash-table" data-testid="tags">
          <thead>
            <tr>
              <th scope="col">{tr('dash_tagColumn')}</th>
              <th scope="col">{tr('dash_countColumn')}</th>
              <th scope="col">{tr('dash_actionsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((t) => (
              <TagRow
                key={t.tag}
                t={t}
                others={tags.filter((o) => o.tag !== t.tag)}
                busy={busy}
                onRename={(to) => run(api.renameTag(t.tag, to), tr('dash_tagRenamed', [t.tag, to]))}
                onMerge={(to) => run(api.renameTag(t.tag, to), tr('dash_tagMerged', [t.tag, to]))}
                onDelete={() => run(api.deleteTag(t.tag), tr('dash_tagDeleted', [t.tag]))}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TagRow({
  t,
  others,
  busy,
  onRename,
  onMerge,
  onDelete,
}: {
  t: TagCount;
  others: TagCount[];
  busy: boolean;
  onRename: (to: string) => void;
  onMerge: (to: string) => void;
  onDelete: () => void;
}) {
  const [name, setName] = useState(t.tag);
  const [into, setInto] = useState('');
  const clean = name.replace(/\s+/g, ' ').trim();
  return (
    <tr data-tag={t.tag}>
      <th scope="row">#{t.tag}</th>
      <td>{t.count}</td>
      <td>
        <div class="dash-tag-actions">
          <form
            class="dash-inline"
            onSubmit={(e) => {
              e.preventDefault();
              if (clean && clean !== t.tag) onRename(clean);
            }}
          >
            <input
              class="sgs-input"
              data-testid="tag-rename-input"
              aria-label={tr('dash_tagNewName', [t.tag])}
              value={name}
              maxLength={100}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
            <button
              type="submit"
              class="sgs-button sgs-button-small"
              data-testid="tag-rename"
              disabled={busy || !clean || clean === t.tag}
            >
              {tr('dash_tagRename')}
            </button>
          </form>
          {others.length > 0 && (
            <form
              class="dash-inline"
              onSubmit={(e) => {
                e.preventDefault();
                if (into) onMerge(into);
              }}
            >
              <select
                class="sgs-input"
                aria-label={tr('dash_tagMergeInto', [t.tag])}
                value={into}
                onChange={(e) => setInto((e.currentTarget as HTMLSelectElement).value)}
              >
                <option value="">{tr('dash_tagMergeChoose')}</option>
                {others.map((o) => (
                  <option key={o.tag} value={o.tag}>
                    {o.tag}
                  </option>
                ))}
              </select>
              <button
                type="submit"
                class="sgs-button sgs-button-small"
                data-testid="tag-merge"
                disabled={busy || !into}
              >
                {tr('dash_tagMerge')}
              </button>
            </form>
          )}
          <button
            type="button"
            class="sgs-button sgs-button-small"
            data-testid="tag-delete"
            aria-label={tr('dash_tagDeleteNamed', [t.tag])}
            disabled={busy}
            onClick={onDelete}
          >
            {tr('dash_tagDelete')}
          </button>
        </div>
      </td>
    </tr>
  );
}
