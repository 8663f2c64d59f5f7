import type { ComponentChildren } from 'preact';
import type { Punkt } from '../../lib/model/minutes';
import { truncate } from '../../lib/ui/text';
import { t } from '../i18n';

/** The fields of a punkt the outline shows (a full Punkt fits). */
export type OutlinePunkt = Pick<Punkt, 'number' | 'title' | 'caseNumber' | 'closed' | 'decision'>;

export interface OutlineProps<P extends OutlinePunkt = OutlinePunkt> {
  punkter: P[];
  onJump: (punkt: P) => void;
  /** Decision text is cut to this many characters. */
  decisionMax?: number;
  /**
   * Controls shown next to each punkt's jump button (later: annotation
   * counts, tag/note and follow buttons). Never nested in the button.
   */
  renderExtras?: (punkt: P) => ComponentChildren;
  /** Prefix for element ids (several outlines may share a document). */
  idPrefix?: string;
  /** The punkt last jumped to: marked with aria-current. */
  current?: number | null;
}

/** The meeting's punkter as a list of jump buttons: number, title, case number, closed, decision. */
export function Outline<P extends OutlinePunkt>({
  punkter,
  onJump,
  decisionMax = 160,
  renderExtras,
  idPrefix = 'sgs',
  current = null,
}: OutlineProps<P>) {
  return (
    <ol class="outline" aria-label={t('outlineHeading')}>
      {punkter.map((p, i) => {
        const metaId = `${idPrefix}-p${i}-meta`;
        return (
          <li class={p.closed ? 'punkt punkt-closed' : 'punkt'} key={`${p.number}-${i}`}>
            <button
              type="button"
              class="punkt-jump"
              data-punkt={String(p.number)}
              aria-label={t('jumpTo', [p.number, p.title])}
              aria-describedby={metaId}
              aria-current={current === p.number ? 'location' : undefined}
              onClick={() => onJump(p)}
            >
              <span class="punkt-line">
                <span class="punkt-number">{p.number}.</span> <span class="punkt-title">{p.title}</span>
              </span>
              <span class="punkt-meta" id={metaId}>
                {p.closed && <span class="badge badge-closed">{t('closedBadge')}</span>}
                {p.caseNumber && <span class="punkt-case">{t('caseNumber', [p.caseNumber])}</span>}
                {p.decision && (
                  <span class="punkt-decision">
                    <span class="punkt-decision-label">{t('decisionLabel')}: </span>
                    {truncate(p.decision, decisionMax)}
                  </span>
                )}
              </span>
            </button>
            {renderExtras && <div class="punkt-extras">{renderExtras(p)}</div>}
          </li>
        );
      })}
    </ol>
  );
}
