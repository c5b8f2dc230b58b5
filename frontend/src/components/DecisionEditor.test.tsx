import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ApiError, type AgendaItem } from '../api';
import { DecisionEditor } from './DecisionEditor';

const item = (decision: AgendaItem['decision']): AgendaItem => ({
  id: 'i5', number: 5, title: 'Klyngemidler', kind: 'DECISION', visibility: 'OPEN', decision,
});

const props = {
  meetingId: 'm1',
  status: 'IN_PROGRESS' as const,
  canEdit: true,
  othersEditing: [] as string[],
};

describe('DecisionEditor', () => {
  it('has a textbox labelled "Beslutning" and saves with the base revision', async () => {
    const save = vi.fn(async () => ({ revision: 3 }));
    render(<DecisionEditor {...props} meetingId="m-a" item={item({ revision: 2, text: 'Godkendt.', outcome: 'APPROVED', by: 'anne' })} save={save} />);
    const box = screen.getByRole('textbox', { name: 'Beslutning' });
    expect((box as HTMLTextAreaElement).value).toBe('Godkendt.');
    fireEvent.input(box, { target: { value: 'Godkendt med bemærkning.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(screen.getByText('Gemt (revision 3).')).toBeTruthy());
    expect(save).toHaveBeenCalledWith('m-a', 'i5', { text: 'Godkendt med bemærkning.', outcome: 'APPROVED', baseRevision: 2 });
  });

  it('follows others\' saves while the user has nothing unsaved', async () => {
    const { rerender } = render(<DecisionEditor {...props} meetingId="m-b" item={item(null)} />);
    rerender(<DecisionEditor {...props} meetingId="m-b" item={item({ revision: 1, text: 'Ny tekst', outcome: null, by: 'bo' })} />);
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Beslutning' }) as HTMLTextAreaElement).value).toBe('Ny tekst'));
  });

  it('keeps the user\'s unsaved text when someone else saves, and says so', async () => {
    const { rerender } = render(<DecisionEditor {...props} meetingId="m-c" item={item({ revision: 1, text: 'A', outcome: null, by: 'bo' })} />);
    const box = screen.getByRole('textbox', { name: 'Beslutning' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'A og min tilføjelse' } });
    rerender(<DecisionEditor {...props} meetingId="m-c" item={item({ revision: 2, text: 'A, rettet', outcome: null, by: 'bo' })} />);
    await waitFor(() => expect(screen.getByText(/bo har gemt en ny udgave \(revision 2\)/)).toBeTruthy());
    expect(box.value).toBe('A og min tilføjelse');
  });

  it('on 409 shows the current text beside the user\'s own and saves the merge on the current revision', async () => {
    const conflict = new ApiError(409, { status: 409, title: 'Conflict', current: { revision: 4, text: 'Deres tekst', outcome: 'NOTED' } });
    const save = vi.fn()
      .mockRejectedValueOnce(conflict)
      .mockResolvedValueOnce({ revision: 5 });
    render(<DecisionEditor {...props} meetingId="m-d" item={item({ revision: 2, text: 'Start', outcome: null })} save={save} />);
    const box = screen.getByRole('textbox', { name: 'Beslutning' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Min tekst' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(screen.getByText('Konflikt: beslutningen er ændret samtidig')).toBeTruthy());
    expect(screen.getByTestId('conflict-current').textContent).toBe('Deres tekst');
    expect(screen.getByTestId('conflict-mine').textContent).toBe('Min tekst');
    expect(box.value).toBe('Min tekst');

    fireEvent.click(screen.getByRole('button', { name: 'Indsæt gældende tekst under min' }));
    expect(box.value).toBe('Min tekst\n\nDeres tekst');
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1][2]).toMatchObject({ text: 'Min tekst\n\nDeres tekst', baseRevision: 4 });
    await waitFor(() => expect(screen.queryByText('Konflikt: beslutningen er ændret samtidig')).toBeNull());
  });

  it('shows who else is editing', () => {
    render(<DecisionEditor {...props} meetingId="m-e" item={item(null)} othersEditing={['Bo Jensen']} />);
    expect(screen.getByText(/Bo Jensen redigerer nu/)).toBeTruthy();
  });

  it('asks for a reason after the minutes are approved', () => {
    render(<DecisionEditor {...props} meetingId="m-f" status="MINUTES_APPROVED" item={item({ revision: 1, text: 'x', outcome: null })} />);
    expect((screen.getByLabelText('Begrundelse for rettelsen') as HTMLInputElement).required).toBe(true);
  });

  it('is read-only for readers', () => {
    render(<DecisionEditor {...props} meetingId="m-g" canEdit={false} item={item({ revision: 1, text: 'Vedtaget', outcome: 'APPROVED' })} />);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByTestId('decision-current').textContent).toBe('Vedtaget');
  });
});
