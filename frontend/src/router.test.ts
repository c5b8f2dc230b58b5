import { parseRoute } from './router';

describe('routes', () => {
  it('parses the deep links', () => {
    expect(parseRoute('/')).toEqual({ page: 'committees' });
    expect(parseRoute('/committees/c1')).toEqual({ page: 'committee', id: 'c1' });
    expect(parseRoute('/meetings/m1', '?item=i2')).toEqual({ page: 'meeting', id: 'm1', item: 'i2' });
    expect(parseRoute('/meetings/m1/')).toEqual({ page: 'meeting', id: 'm1', item: null });
    expect(parseRoute('/funds/f1')).toEqual({ page: 'fund', id: 'f1' });
    expect(parseRoute('/login', '?next=%2Fmeetings%2Fm1')).toEqual({ page: 'login', next: '/meetings/m1' });
    expect(parseRoute('/nope/x/y')).toEqual({ page: 'notFound' });
  });

  it('never redirects a login to another site', () => {
    expect(parseRoute('/login', '?next=//evil.example')).toEqual({ page: 'login', next: '/' });
    expect(parseRoute('/login', '?next=https://evil.example')).toEqual({ page: 'login', next: '/' });
  });
});
