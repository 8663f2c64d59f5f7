import { t } from '../i18n';

/** Shown when a page looks like minutes but yields no punkter. */
export function NotRecognised() {
  return (
    <div class="not-recognised" data-testid="not-recognised" role="status">
      <h2>{t('notRecognisedTitle')}</h2>
      <p>{t('notRecognisedBody')}</p>
    </div>
  );
}
