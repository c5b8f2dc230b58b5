import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { Minutes } from '../api';
import { AttendancePanel } from './AttendancePanel';

const minutes = (): Minutes => ({
  meetingId: 'm1',
  committee: { id: 'c1', name: 'Klyngestyregruppe' },
  title: 'Møde',
  startsAt: '2024-10-04T11:00:00+02:00',
  status: 'IN_PROGRESS',
  version: 3,
  participants: [
    { personId: 'p1', name: 'Anne Hansen', organisation: 'Region', attendance: 'EXPECTED' },
    { personId: 'p2', name: 'Bo Jensen', organisation: 'Kommune', attendance: 'APOLOGY' },
    { personId: 'p3', name: null, attendance: 'EXPECTED', vacancy: true },
  ],
  items: [
    { id: 'i1', number: 1, title: 'x', kind: 'DECISION', visibility: 'OPEN', decision: null, guests: [{ id: 'g1', name: 'Gæst Gæstesen', attendance: 'IN_ROOM' }] },
    { id: 'i2', number: 2, title: 'y', kind: 'DECISION', visibility: 'OPEN', decision: null, guests: [{ id: 'g1', name: 'Gæst Gæstesen', attendance: 'IN_ROOM' }] },
  ],
});

const calls = () => ({
  setAttendance: vi.fn(async () => ({ version: 4 })),
  registerApology: vi.fn(async () => ({ version: 4 })),
  withdrawApology: vi.fn(async () => ({ version: 4 })),
});

describe('AttendancePanel', () => {
  it('lists members (no vacancies) and each guest once, with counts', () => {
    render(<AttendancePanel minutes={minutes()} canEdit calls={calls()} />);
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual([
      'Fremmøde for Anne Hansen', 'Fremmøde for Bo Jensen', 'Fremmøde for Gæst Gæstesen',
    ]);
    expect(screen.getByTestId('attendance-summary').textContent).toContain('1 i salen');
    const guest = screen.getByRole('group', { name: 'Fremmøde for Gæst Gæstesen' });
    expect(within(guest).getByRole('button', { name: 'I salen' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('one click records presence', async () => {
    const c = calls();
    render(<AttendancePanel minutes={minutes()} canEdit calls={c} />);
    fireEvent.click(within(screen.getByRole('group', { name: 'Fremmøde for Anne Hansen' })).getByRole('button', { name: 'Virtuel' }));
    await waitFor(() => expect(c.setAttendance).toHaveBeenCalledWith('m1', 'p1', 'VIRTUAL'));
  });

  it('afbud is an apology for members and absence for guests', async () => {
    const c = calls();
    render(<AttendancePanel minutes={minutes()} canEdit calls={c} />);
    fireEvent.click(within(screen.getByRole('group', { name: 'Fremmøde for Anne Hansen' })).getByRole('button', { name: 'Afbud' }));
    await waitFor(() => expect(c.registerApology).toHaveBeenCalledWith('m1', 'p1'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Fremmøde for Gæst Gæstesen' })).getByRole('button', { name: 'Afbud' }));
    await waitFor(() => expect(c.setAttendance).toHaveBeenCalledWith('m1', 'g1', 'ABSENT'));
  });

  it('withdraws an apology before marking the member present', async () => {
    const c = calls();
    render(<AttendancePanel minutes={minutes()} canEdit calls={c} />);
    fireEvent.click(within(screen.getByRole('group', { name: 'Fremmøde for Bo Jensen' })).getByRole('button', { name: 'I salen' }));
    await waitFor(() => expect(c.setAttendance).toHaveBeenCalledWith('m1', 'p2', 'IN_ROOM'));
    expect(c.withdrawApology).toHaveBeenCalledWith('m1', 'p2');
  });

  it('readers see the state but cannot click', () => {
    render(<AttendancePanel minutes={minutes()} canEdit={false} calls={calls()} />);
    const b = within(screen.getByRole('group', { name: 'Fremmøde for Bo Jensen' })).getByRole('button', { name: 'Afbud' }) as HTMLButtonElement;
    expect(b.disabled).toBe(true);
    expect(b.getAttribute('aria-pressed')).toBe('true');
  });
});
