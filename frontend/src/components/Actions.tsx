import { useState } from 'preact/hooks';
import { api, type ActionItem } from '../api';
import { useI18n } from '../i18n';

export function Actions({ meetingId, itemId, actions, canEdit }: { meetingId: string; itemId: string; actions: ActionItem[]; canEdit: boolean }) {
  const i = useI18n();
  const { t } = i;
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.addAction(meetingId, itemId, { description: description.trim(), owner: owner.trim(), ...(due ? { due } : {}) });
      setDescription('');
      setOwner('');
      setDue('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="actions" aria-labelledby={`actions-${itemId}`}>
      <h3 id={`actions-${itemId}`}>{t('actions')}</h3>
      {actions.length === 0 ? (
        <p class="muted">{t('noActions')}</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">{t('actionDescription')}</th><th scope="col">{t('actionOwner')}</th><th scope="col">{t('actionDue')}</th><th scope="col">{t('status')}</th></tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <td>{a.description}</td>
                <td>{a.owner}</td>
                <td>{a.due ? i.date(a.due) : '–'}</td>
                <td>{i.tv('action', a.status ?? 'OPEN')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form class="inline-form" onSubmit={add}>
          <label class="grow">{t('actionDescription')}<input required value={description} onInput={(e) => setDescription(e.currentTarget.value)} /></label>
          <label>{t('actionOwner')}<input required value={owner} onInput={(e) => setOwner(e.currentTarget.value)} /></label>
          <label>{t('actionDue')}<input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} /></label>
          <button type="submit" class="secondary" disabled={busy}>{t('addAction')}</button>
          {error && <p class="error" role="alert">{error}</p>}
        </form>
      )}
    </section>
  );
}
