import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, type AgendaItem, type Minutes } from '../api';
import { useAsync, useLiveMeeting } from '../hooks';
import { useI18n } from '../i18n';
import { live } from '../live/connection';
import { Link, navigate } from '../router';
import { me } from '../session';
import { useStore } from '../store';
import { Actions } from '../components/Actions';
import { AttendancePanel } from '../components/AttendancePanel';
import { DecisionEditor } from '../components/DecisionEditor';
import { DecisionHistory } from '../components/DecisionHistory';
import { ErrorBox } from '../components/ErrorBox';
import { MinutesPreview } from '../components/MinutesPreview';
import { PresenceList, type PresenceUser } from '../components/PresenceList';

/** Who is here and who edits what (/topic/meetings/{id}/presence); subscribed before the meeting's feed. */
function usePresence(meetingId: string) {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  const [editing, setEditingState] = useState<string | null>(null);
  useEffect(() => {
    const stop = live.subscribe(`/topic/meetings/${meetingId}/presence`, (body) => {
      const b = body as { users?: PresenceUser[] };
      if (Array.isArray(b?.users)) setUsers(b.users);
    });
    return stop;
  }, [meetingId]);
  // Tell the others what we edit (again after a reconnect: presence is not stored).
  useEffect(() => {
    const send = () => live.publish(`/app/meetings/${meetingId}/presence`, { editingItemId: editing });
    if (editing !== null) send();
    const stop = live.onConnect(() => {
      if (editing !== null) send();
    });
    return () => {
      stop();
      if (editing !== null && live.isOpen()) live.publish(`/app/meetings/${meetingId}/presence`, { editingItemId: null });
    };
  }, [meetingId, editing]);
  return { users, setEditing: setEditingState };
}

export function MeetingPage({ id, itemId }: { id: string; itemId: string | null }) {
  const i = useI18n();
  const { t } = i;
  const user = useStore(me);
  const presence = usePresence(id);
  const { doc: minutes, error, last } = useLiveMeeting(id);
  const committeeId = minutes?.committee?.id;
  const committee = useAsync(() => (committeeId ? api.committee(committeeId) : Promise.resolve(null)), [committeeId]);
  const funds = useAsync(() => (committeeId ? api.funds(committeeId).catch(() => []) : Promise.resolve([])), [committeeId]);
  const [showMinutes, setShowMinutes] = useState(false);

  const role = committee.data?.access?.find((a) => a.username === user?.username)?.role;
  const canEdit = !!user && (user.admin || role === 'SECRETARY');

  const items = minutes?.items ?? [];
  const current: AgendaItem | undefined = items.find((it) => it.id === itemId) ?? items[0];

  const select = useCallback(
    (iid: string) => navigate(`/meetings/${encodeURIComponent(id)}?item=${encodeURIComponent(iid)}`, { replace: true }),
    [id],
  );

  if (!minutes) {
    return (
      <section>
        <h1 tabIndex={-1}>{t('loading')}</h1>
        {error ? <ErrorBox error={error} /> : null}
      </section>
    );
  }

  const itemTitle = (iid: string) => {
    const it = items.find((x) => x.id === iid);
    return it ? `${t('item')} ${it.number}` : '';
  };
  const othersEditing = current
    ? presence.users
        .filter((u) => u.editingItemId === current.id && u.username !== user?.username)
        .map((u) => u.displayName || u.username)
    : [];
  // the committee's funds (if the backend lists them), else the funds this meeting's budgets draw on
  const fundLinks: { id: string; name: string }[] = funds.data?.length
    ? funds.data
    : [...new Set(items.flatMap((it) => it.budgets ?? []).map((b) => b.fundId))].map((fid) => ({ id: fid, name: t('fund') }));

  return (
    <div class="meeting">
      <header class="page-head">
        <p class="crumbs">
          <Link href="/">{t('committees')}</Link> ›{' '}
          <Link href={`/committees/${encodeURIComponent(minutes.committee.id)}`}>{minutes.committee.name}</Link>
        </p>
        <h1 tabIndex={-1}>{minutes.title}</h1>
        <p class="muted">
          {i.dateTime(minutes.startsAt)}
          {minutes.endsAt ? `–${i.time(minutes.endsAt)}` : ''}
          {minutes.location ? ` · ${minutes.location}` : ''}
          {minutes.mode ? ` · ${i.tv('mode', minutes.mode)}` : ''}
          {' · '}<span class={`badge status-${minutes.status}`} data-testid="meeting-status">{i.tv('status', minutes.status)}</span>
          {last?.type ? <span class="sr-only" aria-live="polite">{t('lastChange', { type: last.type, actor: last.actor ?? '' })}</span> : null}
        </p>
        <MeetingControls minutes={minutes} canEdit={canEdit} showMinutes={showMinutes} onToggleMinutes={() => setShowMinutes((s) => !s)} />
      </header>

      <div class="console">
        <nav class="agenda" aria-label={t('agenda')}>
          <h2>{t('agenda')}</h2>
          {items.length === 0 && <p class="muted">{t('noItems')}</p>}
          <ol class="agenda-list">
            {items.map((it) => (
              <li key={it.id}>
                <a
                  href={`/meetings/${encodeURIComponent(id)}?item=${encodeURIComponent(it.id)}`}
                  aria-current={it.id === current?.id ? 'true' : undefined}
                  onClick={(e) => {
                    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
                    e.preventDefault();
                    select(it.id);
                  }}
                >
                  <span class="num">{it.number}.</span>
                  <span class="title">{it.title}</span>
                  <span class="marks">
                    {it.visibility === 'CLOSED' && <span class="badge closed">{t('closedItem')}</span>}
                    {it.decision ? <span class="tick" title={t('decisionHeading')} aria-label={t('decisionHeading')}>✓</span> : null}
                    {presence.users.some((u) => u.editingItemId === it.id && u.username !== user?.username) ? (
                      <span class="editing-mark" aria-label={t('editingNow', { names: '' }).trim()}>✎</span>
                    ) : null}
                  </span>
                </a>
              </li>
            ))}
          </ol>
          {fundLinks.length > 0 && (
            <>
              <h2>{t('funds')}</h2>
              <ul class="plain">
                {fundLinks.map((f) => (
                  <li key={f.id}><Link href={`/funds/${encodeURIComponent(f.id)}`}>{f.name}</Link></li>
                ))}
              </ul>
            </>
          )}
        </nav>

        <section class="item" aria-labelledby="item-h">
          {current ? (
            <ItemView
              key={current.id}
              minutes={minutes}
              item={current}
              canEdit={canEdit}
              othersEditing={othersEditing}
              onEditing={(on) => presence.setEditing(on ? current.id : null)}
            />
          ) : (
            <p class="muted">{t('noItems')}</p>
          )}
        </section>

        <aside class="side">
          <PresenceList users={presence.users} me={user?.username} itemTitle={itemTitle} />
          <AttendancePanel minutes={minutes} canEdit={canEdit} />
        </aside>
      </div>

      <section class={`print-minutes${showMinutes ? ' shown' : ''}`} aria-hidden={!showMinutes}>
        <MinutesPreview minutes={minutes} />
      </section>
    </div>
  );
}

function MeetingControls({ minutes, canEdit, showMinutes, onToggleMinutes }: { minutes: Minutes; canEdit: boolean; showMinutes: boolean; onToggleMinutes: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="button-row no-print">
      <button type="button" class="secondary" aria-expanded={showMinutes} onClick={onToggleMinutes}>
        {showMinutes ? t('hideMinutesPreview') : t('minutesPreview')}
      </button>
      <button type="button" class="secondary" onClick={() => window.print()}>{t('print')}</button>
      <a class="button secondary" href={`/api/meetings/${encodeURIComponent(minutes.meetingId)}/minutes.html`} target="_blank" rel="noopener">
        {t('openMinutesDocument')}
      </a>
      {canEdit && minutes.status === 'PLANNED' && (
        <button type="button" onClick={() => void run(() => api.startMeeting(minutes.meetingId))}>{t('startMeeting')}</button>
      )}
      {canEdit && minutes.status === 'IN_PROGRESS' && (
        <button type="button" class="secondary" onClick={() => window.confirm(t('confirmClose')) && void run(() => api.closeMeeting(minutes.meetingId))}>{t('closeMeeting')}</button>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

function ItemView({ minutes, item, canEdit, othersEditing, onEditing }: {
  minutes: Minutes; item: AgendaItem; canEdit: boolean; othersEditing: string[]; onEditing: (on: boolean) => void;
}) {
  const i = useI18n();
  const { t } = i;
  return (
    <>
      <p class="muted item-meta">
        {t('item')} {item.number} · {i.tv('kind', item.kind)}
        {item.visibility === 'CLOSED' ? ` · ${t('closedItem')}` : ''}
        {item.timeSlot ? ` · ${item.timeSlot}` : ''}
        {item.presenter ? ` · ${t('presenter')}: ${item.presenter}` : ''}
      </p>
      <h2 id="item-h">{item.number}. {item.title}</h2>

      <section aria-labelledby="rec-h">
        <h3 id="rec-h">{t('recommendations')}</h3>
        {item.recommendations && item.recommendations.length > 0 ? (
          <ul class="recommendations">{item.recommendations.map((r, k) => <li key={k}>{r}</li>)}</ul>
        ) : (
          <p class="muted">{t('noRecommendations')}</p>
        )}
      </section>

      <DecisionEditor
        meetingId={minutes.meetingId}
        item={item}
        status={minutes.status}
        canEdit={canEdit}
        othersEditing={othersEditing}
        onEditing={onEditing}
      />
      <DecisionHistory meetingId={minutes.meetingId} itemId={item.id} revision={item.decision?.revision ?? 0} />

      {item.caseDescription && (
        <details class="case" open>
          <summary>{t('caseDescription')}</summary>
          <div class="prose">{item.caseDescription.split(/\n{2,}/).map((para, k) => <p key={k}>{para}</p>)}</div>
        </details>
      )}
      {item.economy && (
        <section>
          <h3>{t('economy')}</h3>
          <p class="prose">{item.economy}</p>
        </section>
      )}
      {item.attachments && item.attachments.length > 0 && (
        <section>
          <h3>{t('attachments')}</h3>
          <ul>{item.attachments.map((a, k) => <li key={k}><a href={a.url} target="_blank" rel="noopener">{a.title}</a></li>)}</ul>
        </section>
      )}
      {item.guests && item.guests.length > 0 && (
        <section>
          <h3>{t('guests')}</h3>
          <ul>{item.guests.map((g) => <li key={g.id}>{g.name}{g.title || g.organisation ? `, ${[g.title, g.organisation].filter(Boolean).join(', ')}` : ''}</li>)}</ul>
        </section>
      )}
      {item.budgets && item.budgets.length > 0 && (
        <section>
          <h3>{t('budgets')}</h3>
          <ul>
            {item.budgets.map((b) => (
              <li key={b.budgetId}>
                <Link href={`/funds/${encodeURIComponent(b.fundId)}`}>{b.project}</Link>: {i.amount(b.total)}
                {b.status ? ` (${i.tv('budget', b.status)})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Actions meetingId={minutes.meetingId} itemId={item.id} actions={item.actions ?? []} canEdit={canEdit} />
    </>
  );
}
