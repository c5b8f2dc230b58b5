import { useI18n } from '../i18n';
import { connectionStatus } from '../live/connection';
import { useStore } from '../store';

/** The live connection's state, visible in the top bar on live pages and announced politely when it changes. */
export function ConnectionBadge() {
  const status = useStore(connectionStatus);
  const { t } = useI18n();
  // Pages without live content never open the socket: say nothing rather than "not connected".
  if (status === 'idle') return null;
  return (
    <span class={`conn conn-${status}`} role="status" aria-live="polite" data-status={status} title={t('conn.label')}>
      <span class="dot" aria-hidden="true" />
      {t(`conn.${status}`)}
    </span>
  );
}
