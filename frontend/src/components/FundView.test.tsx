import { render, screen } from '@testing-library/preact';
import type { FundStatus } from '../api';
import { FundView } from '../pages/FundPage';
import { DiffView } from './DiffView';

const fund: FundStatus = {
  fundId: 'f1', name: 'Klyngemidler', version: 7,
  totals: { contributed: '1250000.00', committed: '400000.00', spent: '100000.00', remaining: '850000.00', proposed: '0.00', remainingIfProposedApproved: '850000.00' },
  byYear: [
    { year: 2024, contributed: '625000.00', committed: '300000.00', spent: '100000.00', remaining: '325000.00' },
    { year: 2025, contributed: '625000.00', committed: '100000.00', spent: '0.00', remaining: '525000.00' },
  ],
  byOrganisation: [
    { organisation: 'Region Midtjylland', contributed: '625000.00', committed: '200000.00', spent: '50000.00', remaining: '425000.00',
      years: [{ year: 2024, contributed: '312500.00', committed: '150000.00', remaining: '162500.00' }, { year: 2025, contributed: '312500.00', committed: '50000.00', remaining: '262500.00' }] },
  ],
  budgets: [{ id: 'b1', project: 'Sammenhængende forløb', status: 'APPROVED', total: '400000.00', spent: '100000.00', amounts: [{ year: 2024, amount: '300000.00' }], responsibleOrganisation: 'Region Midtjylland', decision: null }],
  settlement: [{ year: 2024, transfers: [{ from: 'Horsens Kommune', to: 'Region Midtjylland', amount: '25000.50' }] }],
};

describe('FundView', () => {
  it('shows totals in Danish format', () => {
    render(<FundView fund={fund} />);
    expect(screen.getByTestId('total-contributed').textContent).toContain('1.250.000 kr.');
    expect(screen.getByTestId('total-remaining').textContent).toContain('850.000 kr.');
    expect(screen.queryByTestId('total-proposed')).toBeNull();
  });

  it('shows the organisation × year table, budgets and settlement', () => {
    render(<FundView fund={fund} />);
    const table = screen.getByTestId('org-year-table');
    expect(table.textContent).toContain('Region Midtjylland');
    expect(table.textContent).toContain('162.500 kr.');
    expect(screen.getByTestId('budgets-table').textContent).toContain('Sammenhængende forløb');
    expect(screen.getByText(/Horsens Kommune betaler 25.000,50 kr. til Region Midtjylland/)).toBeTruthy();
  });

  it('draws one bar group per year in an accessible chart', () => {
    render(<FundView fund={fund} />);
    const chart = screen.getByRole('img', { name: /Disponeret, forbrugt og resterende pr. år/ });
    expect(chart.querySelectorAll('g[data-year]')).toHaveLength(2);
    const h = (sel: string) => Number(chart.querySelector(`g[data-year="2024"] ${sel}`)!.getAttribute('height'));
    // spent 100k, committed-not-spent 200k, remaining 325k: heights in that proportion
    expect(h('.bar-committed') / h('.bar-spent')).toBeCloseTo(2, 5);
    expect(h('.bar-remaining') / h('.bar-spent')).toBeCloseTo(3.25, 5);
  });
});

describe('DiffView', () => {
  it('marks added and removed words, readable without colour', () => {
    const { container } = render(<DiffView before="Styregruppen godkender budgettet." after="Styregruppen godkender det reviderede budget." />);
    expect(container.querySelectorAll('ins').length).toBeGreaterThan(0);
    expect(container.querySelectorAll('del').length).toBeGreaterThan(0);
    expect(container.textContent).toContain('[tilføjet: ');
    expect(container.textContent).toContain('[slettet: ');
  });
});

describe('DiffView on a rewrite', () => {
  it('shows before and after whole when most of the text changed', () => {
    const { container } = render(<DiffView before="Punktet blev udsat." after="Styregruppen godkendte budgettet for 2025 med bemærkninger." />);
    expect(container.querySelector('.diff-whole')).toBeTruthy();
    expect(container.querySelector('del')!.textContent).toContain('Punktet blev udsat.');
    expect(container.querySelector('ins')!.textContent).toContain('Styregruppen godkendte budgettet');
  });
});

describe('chart axis', () => {
  it('uses round steps', async () => {
    const { niceStep } = await import('./FundChart');
    expect(niceStep(68_150_000)).toBe(100_000_000); // 681.500 kr. → 1 mio. steps
    expect(niceStep(30_000_000)).toBe(50_000_000);
    expect(niceStep(180_000)).toBe(200_000);
  });
});
