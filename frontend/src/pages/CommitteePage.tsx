import { api, type MeetingSummary } from '../api';
import { useAsync } from '../hooks';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ErrorBox } from '../components/ErrorBox';

export function CommitteePage({ id }: { id: string }) {
  const i = useI18n();
  const { t } = i;
  const committee = useAsync(() => api.committee(id), [id]);
  const meetings = useAsync(() => api.meetings(id), [id]);
  // Not part of API.md v1: shown only if the backend lists a committee's funds.
  const funds = useAsync(() => api.funds(id).catch(() => []), [id]);

  return (
    <section>
      <p class="crumbs"><Link href="/">{t('committees')}</Link></p>
      <h1 tabIndex={-1}>{committee.data?.name ?? t('loading')}</h1>
      {committee.error ? <ErrorBox error={committee.error} onRetry={committee.reload} /> : null}
      <div class="columns">
        <div>
          <h2>{t('meetings')}</h2>
          {meetings.error ? <ErrorBox error={meetings.error} onRetry={meetings.reload} /> : null}
          {meetings.data && meetings.data.length === 0 && <p>{t('noMeetings')}</p>}
          <ul class="list">
            {meetings.data?.map((m: MeetingSummary) => (
              <li key={m.id}>
                <Link href={`/meetings/${encodeURIComponent(m.id)}`}><strong>{m.title}</strong></Link>
                <div class="muted">
                  {i.dateTime(m.startsAt)}
                  {m.location ? ` · ${m.location}` : ''}
                  {m.mode ? ` · ${i.tv('mode', m.mode)}` : ''}
                  {' · '}<span class={`badge status-${m.status}`}>{i.tv('status', m.status)}</span>
                  {typeof m.items === 'number' ? ` · ${m.items} ${t('items')}` : ''}
                </div>
              </li>
            ))}
          </ul>
          {funds.data && funds.data.length > 0 && (
            <>
              <h2>{t('funds')}</h2>
              <ul class="list">
                {funds.data.map((f) => (
                  <li key={f.id}>
                    <Link href={`/funds/${encodeURIComponent(f.id)}`}><strong>{f.name}</strong></Link>
                    {f.totals && (
                      <div class="muted">
                        {t('contributed')} {i.amount(f.totals.contributed)} · {t('committed')} {i.amount(f.totals.committed)} ·{' '}
                        {t('remaining')} {i.amount(f.totals.remaining)}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {committee.data && (
          <aside>
            <h2>{t('members')}</h2>
            <ul class="list compact">
              {committee.data.members?.map((m) => (
                <li key={m.id}>
                  {m.name ?? <em>{t('vacancy')}</em>}
                  <span class="muted">{[m.title, m.organisation].filter(Boolean).join(', ') ? ` – ${[m.title, m.organisation].filter(Boolean).join(', ')}` : ''}</span>
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </section>
  );
}
