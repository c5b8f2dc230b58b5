import { useEffect, useState } from 'preact/hooks';
import { api, type Revision } from '../api';
import { useAsync } from '../hooks';
import { useI18n } from '../i18n';
import { DiffView } from './DiffView';
import { ErrorBox } from './ErrorBox';

/** Every revision of an item's decision, newest first, each with what changed from the one before. */
export function DecisionHistory({ meetingId, itemId, revision }: { meetingId: string; itemId: string; revision: number }) {
  const i = useI18n();
  const { t } = i;
  const history = useAsync<Revision[]>(() => (revision > 0 ? api.decisionHistory(meetingId, itemId) : Promise.resolve([])), [meetingId, itemId, revision]);
  const revisions = history.data ?? [];
  // open by itself once there is something to compare; after that the user decides
  const [open, setOpen] = useState(false);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched && revisions.length > 1) setOpen(true);
  }, [revisions.length, touched]);
  return (
    <details class="history" open={open} onToggle={(e) => {
      const now = (e.currentTarget as HTMLDetailsElement).open;
      if (now !== open) {
        setTouched(true);
        setOpen(now);
      }
    }}>
      <summary>{t('history')}{revisions.length ? ` (${revisions.length})` : ''}</summary>
      {history.error ? <ErrorBox error={history.error} onRetry={history.reload} /> : null}
      {revisions.length === 0 && !history.loading && <p class="muted">{t('noHistory')}</p>}
      <ol class="revisions" reversed>
        {[...revisions].reverse().map((r, idx, arr) => {
          const prev = arr[idx + 1];
          const before = r.previousText ?? prev?.text ?? '';
          return (
            <li key={r.revision}>
              <p class="muted">
                <strong>{t('revision')} {r.revision}</strong> · {t('by')} {r.by} · {i.dateTime(r.at)}
                {r.outcome ? ` · ${i.tv('outcome', r.outcome)}` : ''}
                {r.correction ? ` · ${t('correction')}` : ''}
                {r.reason ? ` · „${r.reason}“` : ''}
              </p>
              {prev || r.previousText ? (
                <DiffView before={before} after={r.text} label={t('changedFrom', { from: prev?.revision ?? r.revision - 1 })} />
              ) : (
                <p class="diff"><span class="sr-only">{t('firstRevision')}: </span>{r.text}</p>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
