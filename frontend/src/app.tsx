import { useEffect } from 'preact/hooks';
import { useI18n, language } from './i18n';
import { Link, useRoute } from './router';
import { logOut, loadMe, me } from './session';
import { useStore } from './store';
import { ConnectionBadge } from './components/ConnectionBadge';
import { LoginPage } from './pages/LoginPage';
import { CommitteesPage } from './pages/CommitteesPage';
import { CommitteePage } from './pages/CommitteePage';
import { MeetingPage } from './pages/MeetingPage';
import { FundPage } from './pages/FundPage';

export function App() {
  const route = useRoute();
  const user = useStore(me);
  const { t, lang } = useI18n();

  useEffect(() => {
    if (route.page !== 'login') void loadMe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Move focus to the new page's heading on navigation, so keyboard and screen reader users follow along.
  useEffect(() => {
    const h = document.querySelector<HTMLElement>('main h1');
    if (h && document.activeElement === document.body) h.focus({ preventScroll: true });
  }, [route.page, (route as { id?: string }).id]);

  let page;
  if (route.page === 'login') page = <LoginPage next={route.next} />;
  else if (user === undefined) page = <p class="muted">{t('loading')}</p>;
  else if (user === null) page = <p class="muted">{t('loading')}</p>;
  else if (route.page === 'committees') page = <CommitteesPage />;
  else if (route.page === 'committee') page = <CommitteePage key={route.id} id={route.id} />;
  else if (route.page === 'meeting') page = <MeetingPage key={route.id} id={route.id} itemId={route.item} />;
  else if (route.page === 'fund') page = <FundPage key={route.id} id={route.id} />;
  else page = <NotFound />;

  return (
    <>
      <a class="skip-link" href="#main">{t('skipToContent')}</a>
      <header class="topbar">
        <Link href="/" class="brand">{t('appName')}</Link>
        {user && (
          <nav aria-label={t('mainNav')}>
            <Link href="/">{t('committees')}</Link>
          </nav>
        )}
        <div class="topbar-right">
          {user && <ConnectionBadge />}
          <button
            type="button"
            class="linklike"
            lang={lang === 'da' ? 'en' : 'da'}
            aria-label={t('switchLanguageLabel')}
            onClick={() => language.set(lang === 'da' ? 'en' : 'da')}
          >
            {t('switchLanguage')}
          </button>
          {user && (
            <>
              <span class="user" title={t('loggedInAs')}>{user.displayName}</span>
              <button type="button" class="secondary small" onClick={() => void logOut()}>{t('logout')}</button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1 tabIndex={-1}>{t('notFound')}</h1>
      <Link href="/">{t('committees')}</Link>
    </section>
  );
}
