import type { FundStatus } from '../api';
import { formatAmountShort, toOre } from '../format';
import { useI18n } from '../i18n';

/** A round axis step (1, 2, 2.5 or 5 × a power of ten) of at least `raw` øre. */
export function niceStep(raw: number): number {
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/**
 * One stacked bar per year, as tall as what was contributed: spent, committed but not yet spent, and remaining.
 * Plain SVG; the same figures are in the tables beside it.
 */
export function FundChart({ byYear }: { byYear: FundStatus['byYear'] }) {
  const i = useI18n();
  const { t } = i;
  const rows = [...byYear].sort((a, b) => a.year - b.year).map((y) => {
    const spent = Math.max(0, toOre(y.spent));
    const committed = Math.max(0, toOre(y.committed));
    const remaining = toOre(y.remaining);
    return { year: y.year, spent, open: Math.max(0, committed - spent), remaining: Math.max(0, remaining), over: remaining < 0, raw: y };
  });
  const top_ = Math.max(1, ...rows.map((r) => r.spent + r.open + r.remaining));
  const step = niceStep(top_ / 4);
  const max = Math.ceil(top_ / step) * step;
  const W = 560;
  const H = 240;
  const left = 64;
  const bottom = 28;
  const top = 12;
  const plotH = H - top - bottom;
  const slot = rows.length ? (W - left - 8) / rows.length : 1;
  const barW = Math.min(64, slot * 0.6);
  const y = (ore: number) => top + plotH - (ore / max) * plotH;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, k) => k * step);

  const summary = rows
    .map((r) => `${r.year}: ${t('spent')} ${i.amount(r.raw.spent)}, ${t('committed')} ${i.amount(r.raw.committed)}, ${t('remaining')} ${i.amount(r.raw.remaining)}`)
    .join('; ');

  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" data-testid="fund-chart">
        <title id="chart-title">{t('chartTitle')}</title>
        <desc id="chart-desc">{t('chartDesc')} {summary}</desc>
        {ticks.map((v, k) => (
          <g key={k}>
            <line x1={left} x2={W - 4} y1={y(v)} y2={y(v)} class="grid" />
            <text x={left - 6} y={y(v) + 4} text-anchor="end" class="axis">{formatAmountShort(v / 100, i.lang)}</text>
          </g>
        ))}
        {rows.map((r, k) => {
          const x = left + slot * k + (slot - barW) / 2;
          const ySpent = y(r.spent);
          const yOpen = y(r.spent + r.open);
          const yRem = y(r.spent + r.open + r.remaining);
          return (
            <g key={r.year} data-year={r.year}>
              <rect x={x} width={barW} y={ySpent} height={y(0) - ySpent} class="bar-spent"><title>{`${r.year} · ${t('spent')}: ${i.amount(r.raw.spent)}`}</title></rect>
              <rect x={x} width={barW} y={yOpen} height={ySpent - yOpen} class="bar-committed"><title>{`${r.year} · ${t('committedNotSpent')}`}</title></rect>
              <rect x={x} width={barW} y={yRem} height={yOpen - yRem} class="bar-remaining"><title>{`${r.year} · ${t('remaining')}: ${i.amount(r.raw.remaining)}`}</title></rect>
              <text x={x + barW / 2} y={H - 8} text-anchor="middle" class="axis">{r.year}</text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        <span><span class="swatch bar-spent" aria-hidden="true" />{t('spent')}</span>
        <span><span class="swatch bar-committed" aria-hidden="true" />{t('committedNotSpent')}</span>
        <span><span class="swatch bar-remaining" aria-hidden="true" />{t('remaining')}</span>
      </figcaption>
    </figure>
  );
}
