import { formatAmount, formatDate, formatDateTime, formatInstant, formatTime, toOre, formatAmountShort } from './format';

describe('Danish formats', () => {
  it('formats amounts the Danish way, exactly', () => {
    expect(formatAmount('1250000.00')).toBe('1.250.000 kr.');
    expect(formatAmount('60000.50')).toBe('60.000,50 kr.');
    expect(formatAmount('0.00')).toBe('0 kr.');
    expect(formatAmount('-200000.00')).toBe('−200.000 kr.');
    expect(formatAmount(1250000)).toBe('1.250.000 kr.');
    expect(formatAmount('999')).toBe('999 kr.');
    expect(formatAmount(null)).toBe('–');
  });

  it('formats amounts in English when asked', () => {
    expect(formatAmount('1250000.00', 'en')).toBe('DKK 1,250,000');
    expect(formatAmount('60000.5', 'en')).toBe('DKK 60,000.50');
  });

  it('keeps exact øre for sums', () => {
    expect(toOre('60000.50')).toBe(6000050);
    expect(toOre('-0.05')).toBe(-5);
    expect(toOre('12')).toBe(1200);
  });

  it('shortens axis amounts', () => {
    expect(formatAmountShort(1_250_000)).toBe('1,3 mio.');
    expect(formatAmountShort(250_000)).toBe('250.000');
  });

  it('formats dates as "4. oktober 2024"', () => {
    expect(formatDate('2024-10-04')).toBe('4. oktober 2024');
    expect(formatDate('2024-10-04T11:00:00+02:00')).toBe('4. oktober 2024');
    expect(formatDate('2024-10-04', 'en')).toBe('4 October 2024');
  });

  it('shows the clock time written in the offset time', () => {
    expect(formatTime('2024-10-04T11:00:00+02:00')).toBe('11.00');
    expect(formatDateTime('2024-10-04T11:00:00+02:00')).toBe('4. oktober 2024 kl. 11.00');
  });

  it('shows instants in Danish time', () => {
    expect(formatInstant('2024-10-04T09:32:00Z')).toBe('4. oktober 2024 kl. 11.32');
    expect(formatInstant('2024-12-04T09:32:00Z')).toBe('4. december 2024 kl. 10.32');
  });
});
