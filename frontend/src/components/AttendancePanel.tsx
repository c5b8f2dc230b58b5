import { useState } from 'preact/hooks';
import { api, type Minutes } from '../api';
import { useI18n } from '../i18n';
import { attendees, chosen, summary, type Attendee, type Choice } from './attendanceModel';

export interface AttendanceCalls {
  setAttendance: typeof api.setAttendance;
  registerApology: typeof api.registerApology;
  withdrawApology: typeof api.withdrawApology;
}

/** What one click means: members give apologies (afbud), guests are marked absent; an apology is withdrawn first. */
export async function recordChoice(calls: AttendanceCalls, meetingId: string, person: Attendee, choice: Choice) {
  if (choice === 'AFBUD') {
    if (person.guest) await calls.setAttendance(meetingId, person.id, 'ABSENT');
    else await calls.registerApology(meetingId, person.id);
    return;
  }
  if (!person.guest && person.attendance === 'APOLOGY') await calls.withdrawApology(meetingId, person.id);
  await calls.setAttendance(meetingId, person.id, choice);
}

const CHOICES: Choice[] = ['IN_ROOM', 'VIRTUAL', 'AFBUD'];

/** Members by organisation (in the order the committee lists them), then the guests. */
function groups(people: Attendee[], guestsLabel: string): [string, Attendee[]][] {
  const byOrg = new Map<string, Attendee[]>();
  for (const p of people.filter((x) => !x.guest)) {
    const key = p.organisation || '–';
    if (!byOrg.has(key)) byOrg.set(key, []);
    byOrg.get(key)!.push(p);
  }
  const guests = people.filter((x) => x.guest);
  return [...byOrg.entries(), ...(guests.length ? [[guestsLabel, guests] as [string, Attendee[]]] : [])];
}

export function AttendancePanel({ minutes, canEdit, calls = api }: { minutes: Minutes; canEdit: boolean; calls?: AttendanceCalls }) {
  const { t } = useI18n();
  const people = attendees(minutes);
  const counts = summary(people);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const click = async (person: Attendee, choice: Choice) => {
    if (chosen(person.attendance) === choice) return;
    setBusy(person.id);
    setError(null);
    try {
      await recordChoice(calls, minutes.meetingId, person, choice);
    } catch (e) {
      setError(`${person.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const label = (c: Choice) => (c === 'AFBUD' ? t('att.APOLOGY') : t(`att.${c}`));

  return (
    <section class="attendance" aria-labelledby="attendance-h">
      <h2 id="attendance-h">{t('attendance')}</h2>
      <p class="att-summary" data-testid="attendance-summary">
        <strong>{counts.inRoom}</strong> {t('summaryInRoom')} · <strong>{counts.virtual}</strong> {t('summaryVirtual')} ·{' '}
        <strong>{counts.apologies}</strong> {t('summaryApologies')} · {counts.expected} {t('summaryExpected')}
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      {groups(people, t('guests')).map(([group, members]) => (
        <div key={group} class="att-group">
          <h3 class="att-org">{group} <span class="muted small">({members.filter((m) => m.attendance === 'IN_ROOM' || m.attendance === 'VIRTUAL').length}/{members.length})</span></h3>
      <ul class="people">
        {members.map((p) => (
          <li key={p.id} data-person={p.id} class={`att-${p.attendance}`}>
            <div class="person">
              <span class="name">{p.name}</span>
              {p.guest && <span class="badge">{t('guest')}</span>}
              {p.title && <span class="muted small">{p.title}</span>}
              {p.leftEarly && <span class="muted small">{t('leftEarly')}: {p.leftEarly}</span>}
            </div>
            <div class="segmented" role="group" aria-label={t('attendanceFor', { name: p.name })}>
              {CHOICES.map((c) => (
                <button
                  key={c}
                  type="button"
                  class={`seg seg-${c}`}
                  aria-pressed={chosen(p.attendance) === c}
                  disabled={!canEdit || busy === p.id}
                  onClick={() => void click(p, c)}
                >
                  {label(c)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
        </div>
      ))}
    </section>
  );
}
