import { useI18n } from '../i18n';

export interface PresenceUser {
  username: string;
  displayName?: string;
  editingItemId?: string | null;
}

export function PresenceList({ users, me, itemTitle }: { users: PresenceUser[]; me?: string; itemTitle: (id: string) => string }) {
  const { t } = useI18n();
  return (
    <section class="presence" aria-labelledby="presence-h">
      <h2 id="presence-h">{t('presence')}</h2>
      <ul class="plain" data-testid="presence">
        {users.map((u) => (
          <li key={u.username}>
            <span class="dot online" aria-hidden="true" /> {u.displayName || u.username}
            {u.username === me ? ` (${t('you')})` : ''}
            {u.editingItemId ? <span class="muted"> – ✎ {itemTitle(u.editingItemId)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
