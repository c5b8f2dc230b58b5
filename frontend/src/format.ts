/**
 * Danish (and English) formats for amounts and dates, done by hand on the strings the API sends so amounts stay
 * exact (no floating point) and dates do not depend on the browser's time zone.
 */
export type Lang = 'da' | 'en';

const MONTHS: Record<Lang, string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** "1250000.00" → "1.250.000 kr." (da) or "DKK 1,250,000" (en); "60000.5" → "60.000,50 kr.". */
export function formatAmount(amount: string | number | null | undefined, lang: Lang = 'da'): string {
  if (amount === null || amount === undefined || amount === '') return '–';
  const s = typeof amount === 'number' ? amount.toFixed(2) : String(amount).trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return s;
  const [, sign, intPart, frac = ''] = m;
  const cents = frac.padEnd(2, '0');
  const negative = sign === '-' && (/[1-9]/.test(intPart) || /[1-9]/.test(cents));
  const minus = negative ? '−' : '';
  const whole = intPart.replace(/^0+(?=\d)/, '');
  if (lang === 'da') {
    return `${minus}${group(whole, '.')}${cents === '00' ? '' : ',' + cents} kr.`;
  }
  return `${minus}DKK ${group(whole, ',')}${cents === '00' ? '' : '.' + cents}`;
}

/** Compact amounts for chart axes: "1,3 mio." / "250.000". */
export function formatAmountShort(amount: number, lang: Lang = 'da'): string {
  const abs = Math.abs(amount);
  if (abs >= 1_000_000) {
    const v = (amount / 1_000_000).toFixed(1).replace(/\.0$/, '');
    return lang === 'da' ? `${v.replace('.', ',')} mio.` : `${v}m`;
  }
  return group(String(Math.round(amount)), lang === 'da' ? '.' : ',');
}

/** Amount strings as numbers of øre, exact for sums and comparisons. */
export function toOre(amount: string | number | null | undefined): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  const s = typeof amount === 'number' ? amount.toFixed(2) : String(amount).trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return 0;
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -v : v;
}

/** "2024-10-04" or a time with offset → "4. oktober 2024" / "4 October 2024" (the date as written). */
export function formatDate(value: string | null | undefined, lang: Lang = 'da'): string {
  if (!value) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  if (/[zZ]$/.test(value)) return formatInstant(value, lang, false);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'da' ? `${d}. ${MONTHS.da[mo - 1]} ${y}` : `${d} ${MONTHS.en[mo - 1]} ${y}`;
}

/** The clock time written in an ISO time with offset: "2024-10-04T11:00:00+02:00" → "11.00" (da) / "11:00". */
export function formatTime(value: string | null | undefined, lang: Lang = 'da'): string {
  if (!value) return '';
  if (/[zZ]$/.test(value)) return formatInstant(value, lang, true).split(' ').pop() ?? '';
  const m = /T(\d{2}):(\d{2})/.exec(value);
  if (!m) return '';
  return lang === 'da' ? `${m[1]}.${m[2]}` : `${m[1]}:${m[2]}`;
}

export function formatDateTime(value: string | null | undefined, lang: Lang = 'da'): string {
  if (!value) return '–';
  if (/[zZ]$/.test(value)) return formatInstant(value, lang, true);
  const t = formatTime(value, lang);
  return `${formatDate(value, lang)}${t ? (lang === 'da' ? ' kl. ' : ' ') + t : ''}`;
}

/** An instant (UTC, "…Z"), shown in Danish time (Europe/Copenhagen). */
export function formatInstant(value: string, lang: Lang = 'da', withTime = true): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const [y, mo, d, h, mi] = [get('year'), Number(get('month')), Number(get('day')), get('hour'), get('minute')];
  const day = lang === 'da' ? `${d}. ${MONTHS.da[mo - 1]} ${y}` : `${d} ${MONTHS.en[mo - 1]} ${y}`;
  if (!withTime) return day;
  return lang === 'da' ? `${day} kl. ${h}.${mi}` : `${day} ${h}:${mi}`;
}
