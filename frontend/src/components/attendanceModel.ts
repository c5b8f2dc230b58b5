import type { Attendance, Minutes } from '../api';

export interface Attendee {
  id: string;
  name: string;
  detail: string;
  title: string;
  organisation: string;
  attendance: Attendance;
  guest: boolean;
  leftEarly?: string | null;
}

export type Choice = 'IN_ROOM' | 'VIRTUAL' | 'AFBUD';

/** Members (vacancies left out) and the guests of every item, each once. */
export function attendees(minutes: Minutes): Attendee[] {
  const people: Attendee[] = (minutes.participants ?? [])
    .filter((p) => !p.vacancy && p.name)
    .map((p) => ({
      id: p.personId,
      name: p.name!,
      detail: [p.title, p.organisation].filter(Boolean).join(', '),
      title: p.title ?? '',
      organisation: p.organisation ?? '',
      attendance: p.attendance ?? 'EXPECTED',
      guest: false,
      leftEarly: p.leftEarly,
    }));
  const seen = new Set(people.map((p) => p.id));
  for (const item of minutes.items ?? []) {
    for (const g of item.guests ?? []) {
      if (seen.has(g.id)) continue;
      seen.add(g.id);
      people.push({
        id: g.id,
        name: g.name,
        detail: [g.title, g.organisation].filter(Boolean).join(', '),
        // guests are listed together, so their organisation goes with their title
        title: [g.title, g.organisation].filter(Boolean).join(', '),
        organisation: g.organisation ?? '',
        attendance: g.attendance ?? 'EXPECTED',
        guest: true,
        leftEarly: g.leftEarly,
      });
    }
  }
  return people;
}

export function chosen(a: Attendance): Choice | null {
  if (a === 'IN_ROOM') return 'IN_ROOM';
  if (a === 'VIRTUAL') return 'VIRTUAL';
  if (a === 'APOLOGY' || a === 'ABSENT') return 'AFBUD';
  return null;
}

export function summary(people: Attendee[]) {
  const members = people.filter((p) => !p.guest);
  return {
    expected: members.length,
    inRoom: people.filter((p) => p.attendance === 'IN_ROOM').length,
    virtual: people.filter((p) => p.attendance === 'VIRTUAL').length,
    apologies: members.filter((p) => p.attendance === 'APOLOGY').length,
  };
}
