import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { logIn } from '../session';
import { ErrorBox } from '../components/ErrorBox';

export function LoginPage({ next }: { next: string }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Any response sets the CSRF cookie the login POST needs (and tells us if we are signed in already).
  useEffect(() => {
    api.me().then(() => navigate(next, { replace: true }), () => undefined);
  }, [next]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailed(false);
    setError(null);
    try {
      if (await logIn(username.trim(), password)) navigate(next, { replace: true });
      else setFailed(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="login">
      <h1 tabIndex={-1}>{t('loginTitle')}</h1>
      <form onSubmit={submit} class="card stack">
        <label>
          {t('username')}
          <input name="username" autoComplete="username" required value={username}
            onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {failed && <p class="error" role="alert">{t('loginFailed')}</p>}
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>{t('loginButton')}</button>
      </form>
    </section>
  );
}
