import { ApiError } from '../api';
import { useI18n } from '../i18n';

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  let text = t('error');
  if (error instanceof ApiError) {
    if (error.status === 403) text = t('forbidden');
    else if (error.status === 404) text = t('notFound');
    else if (error.problem.detail) text = `${t('error')}: ${error.problem.detail}`;
  } else if (error instanceof Error && error.message) text = `${t('error')}: ${error.message}`;
  return (
    <div class="error" role="alert">
      <p>{text}</p>
      {onRetry && <button type="button" class="secondary small" onClick={onRetry}>{t('retry')}</button>}
    </div>
  );
}
