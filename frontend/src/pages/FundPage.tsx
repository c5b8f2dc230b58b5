import { api, type FundStatus } from '../api';
import { useAsync, useLiveFund } from '../hooks';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ErrorBox } from '../components/ErrorBox';
import { FundChart } from '../components/FundChart';

/** The fund dashboard: every figure follows the fund's live feed. */
export function FundPage({ id }: { id: string }) {
  const i = useI18n();
  const { t } = i;
  const { doc: fund, error, last } = useLiveFund(id);
  const committeeId = fund?.committeeId;
  const committee = useAsync(() => (committeeId ? api.committee(committeeId).catch(() => null) : Promise.resolve(null)), [committeeId]);

  if (!fund) {
    return (
      <section>
        <h1 tabIndex={-1}>{t('loading')}</h1>
        {error ? <ErrorBox error={error} /> : null}
      </section>
    );
  }
  const lastChange = last
    ? t('lastChange', { type: i.tv('event', last.type ?? ''), actor: last.actor ?? '' }) + (last.at ? ` · ${i.dateTime(last.at)}` : '')
    : null;
  return <FundView fund={fund} committeeName={committee.data?.name} lastChange={lastChange} />;
}

export function FundView({ fund, committeeName, lastChange }: { fund: FundStatus; committeeName?: string; lastChange?: string | null }) {
  const i = useI18n();
  const { t } = i;
  const years = [...new Set([...(fund.byYear ?? []).map((y) => y.year), ...(fund.byOrganisation ?? []).flatMap((o) => o.years.map((y) => y.year))])].sort();
  const totals = fund.totals;
  const cards: [string, string | undefined, string][] = [
    [t('contributed'), totals.contributed, 'contributed'],
    [t('committed'), totals.committed, 'committed'],
    [t('spent'), totals.spent, 'spent'],
    [t('remaining'), totals.remaining, 'remaining'],
  ];
  if (totals.proposed && totals.proposed !== '0.00') {
    cards.push([t('proposed'), totals.proposed, 'proposed'], [t('remainingIfApproved'), totals.remainingIfProposedApproved, 'ifApproved']);
  }

  return (
    <div class="fund">
      <header class="page-head">
        <p class="crumbs">
          <Link href="/">{t('committees')}</Link>
          {fund.committeeId ? <> › <Link href={`/committees/${encodeURIComponent(fund.committeeId)}`}>{committeeName ?? t('meetings')}</Link></> : null}
        </p>
        <h1 tabIndex={-1}>{fund.name}</h1>
        <p class="muted small" aria-live="polite">{lastChange ?? ''}</p>
      </header>

      <section class="bare" aria-labelledby="totals-h">
        <h2 id="totals-h" class="sr-only">{t('fundTotals')}</h2>
        <dl class="totals">
          {cards.map(([label, value, key]) => (
            <div key={key} class={`total total-${key}`} data-testid={`total-${key}`}>
              <dt>{label}</dt>
              <dd key={value}>{i.amount(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="chart-h">
        <h2 id="chart-h">{t('byYear')}</h2>
        <div class="fund-grid">
          <FundChart byYear={fund.byYear ?? []} />
          <table class="numbers">
            <caption class="sr-only">{t('byYear')}</caption>
            <thead>
              <tr><th scope="col">{t('year')}</th><th scope="col">{t('contributed')}</th><th scope="col">{t('committed')}</th><th scope="col">{t('spent')}</th><th scope="col">{t('remaining')}</th></tr>
            </thead>
            <tbody>
              {(fund.byYear ?? []).map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{i.amount(y.contributed)}</td><td>{i.amount(y.committed)}</td><td>{i.amount(y.spent)}</td>
                  <td class={y.remaining.startsWith('-') ? 'negative' : ''}>{i.amount(y.remaining)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

        <section aria-labelledby="org-h">
          <h2 id="org-h">{t('byOrganisation')}</h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="org-h">
            <table class="numbers" data-testid="org-year-table">
              <thead>
                <tr>
                  <th scope="col">{t('organisation')}</th>
                  {years.map((y) => <th scope="col" key={y}>{y}</th>)}
                  <th scope="col">{t('contributed')}</th>
                  <th scope="col">{t('committed')}</th>
                  <th scope="col">{t('remaining')}</th>
                </tr>
              </thead>
              <tbody>
                {(fund.byOrganisation ?? []).map((o) => (
                  <tr key={o.organisation}>
                    <th scope="row">{o.organisation}</th>
                    {years.map((y) => {
                      const cell = o.years.find((x) => x.year === y);
                      return (
                        <td key={y} title={cell ? `${t('contributed')} ${i.amount(cell.contributed)} · ${t('committed')} ${i.amount(cell.committed)}` : ''}
                          class={cell?.remaining?.startsWith('-') ? 'negative' : ''}>
                          {cell ? i.amount(cell.remaining) : '–'}
                        </td>
                      );
                    })}
                    <td>{i.amount(o.contributed)}</td>
                    <td>{i.amount(o.committed)}</td>
                    <td class={o.remaining.startsWith('-') ? 'negative' : ''}><strong>{i.amount(o.remaining)}</strong></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

      <section aria-labelledby="budgets-h">
        <h2 id="budgets-h">{t('budgets')}</h2>
        {(fund.budgets ?? []).length === 0 ? (
          <p class="muted">{t('noBudgets')}</p>
        ) : (
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="budgets-h">
            <table class="numbers" data-testid="budgets-table">
              <thead>
                <tr>
                  <th scope="col">{t('project')}</th><th scope="col" class="text">{t('status')}</th><th scope="col" class="text">{t('responsible')}</th>
                  <th scope="col" class="text">{t('amounts')}</th><th scope="col">{t('total')}</th><th scope="col">{t('spent')}</th><th scope="col">{t('decidedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {fund.budgets.map((b) => (
                  <tr key={b.id} class={`budget-${b.status}`}>
                    <th scope="row">{b.project}</th>
                    <td class="text"><span class={`badge budget-${b.status}`}>{i.tv('budget', b.status)}</span></td>
                    <td class="text">{b.responsibleOrganisation ?? '–'}</td>
                    <td class="text amounts">{(b.amounts ?? []).map((a) => `${a.year}: ${i.amount(a.amount)}`).join(' · ')}</td>
                    <td>{i.amount(b.total)}</td>
                    <td>{i.amount(b.spent)}</td>
                    <td>
                      {b.decision?.meetingId ? (
                        <Link href={`/meetings/${encodeURIComponent(b.decision.meetingId)}?item=${encodeURIComponent(b.decision.itemId)}`}>{t('seeDecision')}</Link>
                      ) : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="settlement-h">
        <h2 id="settlement-h">{t('settlement')}</h2>
        {(fund.settlement ?? []).every((s) => s.transfers.length === 0) ? (
          <p class="muted">{t('noSettlement')}</p>
        ) : (
          fund.settlement.filter((s) => s.transfers.length > 0).map((s) => (
            <div key={s.year}>
              <h3>{s.year}</h3>
              <ul>
                {s.transfers.map((tr, k) => (
                  <li key={k}>{tr.from} {t('pays')} {i.amount(tr.amount)} {t('to')} {tr.to}</li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </div>
  );
}
