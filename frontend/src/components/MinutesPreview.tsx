import type { Minutes } from '../api';
import { useI18n } from '../i18n';
import { attendees } from './attendanceModel';

/** The minutes as a document: shown on request, and what the browser prints (print stylesheet) as PDF. */
export function MinutesPreview({ minutes }: { minutes: Minutes }) {
  const i = useI18n();
  const { t } = i;
  const people = attendees(minutes);
  const present = people.filter((p) => p.attendance === 'IN_ROOM' || p.attendance === 'VIRTUAL');
  const apologies = people.filter((p) => p.attendance === 'APOLOGY' || (p.guest && p.attendance === 'ABSENT'));
  return (
    <article class="minutes-doc" aria-label={t('minutes')}>
      <header>
        <p class="muted">{minutes.committee?.name}</p>
        <h2>{t('minutes')}: {minutes.title}</h2>
        <p>
          {i.date(minutes.startsAt)}
          {minutes.startsAt ? `, ${i.time(minutes.startsAt)}` : ''}
          {minutes.endsAt ? `–${i.time(minutes.endsAt)}` : ''}
          {minutes.location ? ` · ${minutes.location}` : ''}
          {minutes.mode ? ` · ${i.tv('mode', minutes.mode)}` : ''}
        </p>
      </header>
      <h3>{t('participants')}</h3>
      <ul class="plain">
        {present.map((p) => (
          <li key={p.id}>
            {p.name}{p.detail ? `, ${p.detail}` : ''} ({p.attendance === 'VIRTUAL' ? t('att.VIRTUAL').toLowerCase() : t('att.IN_ROOM').toLowerCase()}
            {p.guest ? `, ${t('guest')}` : ''})
          </li>
        ))}
      </ul>
      {apologies.length > 0 && (
        <>
          <h3>{t('apologies')}</h3>
          <p>{apologies.map((p) => p.name + (p.detail ? ` (${p.detail})` : '')).join('; ')}</p>
        </>
      )}
      {minutes.items.map((item) => (
        <section key={item.id} class="minutes-item">
          <h3>{t('item')} {item.number}. {item.title}</h3>
          {item.recommendations && item.recommendations.length > 0 && (
            <>
              <h4>{t('recommendations')}</h4>
              <ul>{item.recommendations.map((r, k) => <li key={k}>{r}</li>)}</ul>
            </>
          )}
          <h4>{t('decisionHeading')}</h4>
          {item.decision ? (
            <>
              <p class="decision-text">{item.decision.text}</p>
              {item.decision.outcome && <p><em>{i.tv('outcome', item.decision.outcome)}</em></p>}
            </>
          ) : (
            <p class="muted">{t('noDecision')}</p>
          )}
          {item.actions && item.actions.length > 0 && (
            <>
              <h4>{t('actions')}</h4>
              <ul>
                {item.actions.map((a) => (
                  <li key={a.id}>{a.description} – {a.owner}{a.due ? `, ${i.date(a.due)}` : ''}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </article>
  );
}
