import { api } from '../api';
import { useAsync } from '../hooks';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ErrorBox } from '../components/ErrorBox';

export function CommitteesPage() {
  const { t } = useI18n();
  const committees = useAsync(() => api.committees(), []);
  return (
    <section>
      <h1 tabIndex={-1}>{t('committees')}</h1>
      <p class="muted">{t('committeesIntro')}</p>
      {committees.error ? <ErrorBox error={committees.error} onRetry={committees.reload} /> : null}
      {committees.loading && !committees.data && <p class="muted">{t('loading')}</p>}
      {committees.data && committees.data.length === 0 && <p>{t('noCommittees')}</p>}
      <ul class="cards">
        {committees.data?.map((c) => (
          <li key={c.id} class="card">
            <h2><Link href={`/committees/${encodeURIComponent(c.id)}`}>{c.name}</Link></h2>
            {c.organisations?.length ? (
              <p class="muted">{t('organisations')}: {c.organisations.join(', ')}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
