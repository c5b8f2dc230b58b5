#!/usr/bin/env node
/**
 * End-to-end tests of the web front end in a real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core). Starts the built jar on a free port with the demo data and a fresh data directory, logs in
 * two browser sessions on the same meeting and checks what the issue asks: a decision saved in one appears in the
 * other within a second, attendance clicked in one updates the other, a budget approved through the API moves
 * the fund dashboard; plus presence, the 409 merge, the minutes print and axe-core accessibility checks.
 * Screenshots go to target/e2e-screenshots/. A check whose backend part is missing is reported SKIPPED.
 *
 *   npm run e2e               (after `mvn package`; REFERENT_JAR overrides the jar's path)
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const jar = process.env.REFERENT_JAR || join(repo, 'target', 'referent.jar');
const out = process.env.E2E_OUT || join(repo, 'target', 'e2e-screenshots');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const password = 'e2e-admin-Passw0rd';
const secretaryPassword = 'e2e-sekretaer-Passw0rd';
const LIVE_MS = 1000;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const results = [];
function record(name, status, detail = '') {
  results.push({ name, status, detail });
  const mark = { PASS: '✔', FAIL: '✘', SKIP: '–' }[status];
  console.log(`${mark} ${status.padEnd(4)} ${name}${detail ? ` — ${detail}` : ''}`);
}
async function check(name, fn) {
  try {
    const detail = await fn();
    if (detail && typeof detail === 'object' && detail.skip) record(name, 'SKIP', detail.skip);
    else record(name, 'PASS', detail || '');
  } catch (e) {
    record(name, 'FAIL', e?.message?.split('\n')[0] ?? String(e));
  }
}
class Skip extends Error {}

// ---------- the app ----------

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startApp() {
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run mvn package first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'referent-e2e-'));
  mkdirSync(out, { recursive: true });
  const log = createWriteStream(join(out, 'app.log'));
  const proc = spawn('java', ['-jar', jar], {
    env: {
      ...process.env,
      SERVER_PORT: String(port),
      REFERENT_DEMO: 'true',
      REFERENT_ADMIN_PASSWORD: password,
      REFERENT_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.pipe(log);
  proc.stderr.pipe(log);
  let exited = null;
  let stopping = false;
  proc.on('exit', (code, signal) => {
    exited = code ?? signal;
    if (!stopping) console.log(`e2e: the app exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})`);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the app exited with ${exited}; see ${join(out, 'app.log')}`);
    try {
      const r = await fetch(`${base}/actuator/health`);
      if (r.ok && (await r.json()).status === 'UP') break;
    } catch {
      // not yet listening
    }
    await sleep(500);
  }
  if (Date.now() >= deadline) throw new Error('the app did not come up within 180 s');
  return {
    base,
    async stop() {
      stopping = true;
      if (exited === null) {
        proc.kill('SIGTERM');
        for (let i = 0; i < 40 && exited === null; i++) await sleep(250);
        if (exited === null) proc.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function apiClient(base, user, pass) {
  const auth = 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
  return async function call(method, path, body) {
    const res = await fetch(base + path, {
      method,
      headers: { Authorization: auth, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let data;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = text;
    }
    return { status: res.status, ok: res.ok, data };
  };
}

// ---------- data: the demo's, or seeded through the API if the demo is not there ----------

async function findOrSeed(api) {
  const notes = [];
  // the demo is loaded at start-up; its read models may trail /actuator/health by a moment
  let committee, meeting;
  for (let i = 0; i < 40 && !meeting; i++) {
    if (i) await sleep(250);
    const committees = (await api('GET', '/api/committees')).data;
    for (const c of Array.isArray(committees) ? committees : []) {
      const ms = (await api('GET', `/api/meetings?committeeId=${encodeURIComponent(c.id)}`)).data;
      if (Array.isArray(ms) && ms.length) {
        committee = c;
        meeting = ms.find((m) => m.status === 'IN_PROGRESS') ?? ms[0];
        break;
      }
    }
  }
  if (meeting) notes.push(`using the demo: committee "${committee.name}", meeting ${meeting.id}`);
  if (!meeting) {
    notes.push('no demo committee/meeting found: seeded one through the API');
    const c = await api('POST', '/api/committees', { name: 'Klyngestyregruppe (e2e)', organisations: ['Region Midtjylland', 'Horsens Kommune', 'PLO Midtjylland'] });
    if (c.status !== 201) throw new Error(`POST /api/committees → ${c.status}`);
    const cid = c.data.id;
    for (const [name, title, organisation, role] of [
      ['Anne Hansen', 'Hospitalsdirektør', 'Region Midtjylland', 'CHAIR'],
      ['Bo Jensen', 'Sundhedschef', 'Horsens Kommune', 'CO_CHAIR'],
      ['Carla Nielsen', 'Praktiserende læge', 'PLO Midtjylland', 'MEMBER'],
    ]) await api('POST', `/api/committees/${cid}/members`, { name, title, organisation, role });
    const m = await api('POST', '/api/meetings', { committeeId: cid, title: 'Møde i klyngestyregruppen', startsAt: '2024-10-04T13:00:00+02:00', endsAt: '2024-10-04T15:30:00+02:00', location: 'Regionshuset, Horsens', mode: 'HYBRID' });
    if (m.status !== 201) throw new Error(`POST /api/meetings → ${m.status} ${JSON.stringify(m.data)}`);
    const mid = m.data.id;
    const i1 = await api('POST', `/api/meetings/${mid}/agenda`, { title: 'Klyngemidler: status og nye ansøgninger', kind: 'DECISION', visibility: 'OPEN', recommendations: ['Det indstilles, at styregruppen godkender ansøgningen.'], caseDescription: 'Klyngen har modtaget to ansøgninger om midler.', attachments: [{ title: 'Bilag 1: Ansøgning', url: 'https://example.org/bilag1.pdf' }] });
    await api('POST', `/api/meetings/${mid}/agenda`, { title: 'Orientering fra parterne', kind: 'ORIENTATION', visibility: 'OPEN' });
    await api('POST', `/api/meetings/${mid}/guests`, { name: 'Dorte Gæst', title: 'Projektleder', organisation: 'Region Midtjylland', itemIds: [i1.data.id] });
    await api('POST', `/api/meetings/${mid}/start`);
    committee = (await api('GET', `/api/committees/${cid}`)).data;
    meeting = { id: mid };
  }
  return { committee, meeting, notes };
}

async function findOrCreateFund(api, committee, minutes) {
  for (const item of minutes.items ?? []) for (const b of item.budgets ?? []) if (b.fundId) return { id: b.fundId, how: 'from the demo meeting' };
  const list = await api('GET', `/api/funds?committeeId=${encodeURIComponent(committee.id)}`);
  if (list.ok && Array.isArray(list.data) && list.data.length) return { id: list.data[0].id, how: 'listed for the committee' };
  const f = await api('POST', '/api/funds', { committeeId: committee.id, name: 'Klyngemidler (e2e)' });
  if (f.status === 404 || f.status === 405) return null;
  if (f.status !== 201) throw new Error(`POST /api/funds → ${f.status} ${JSON.stringify(f.data)}`);
  for (const organisation of committee.organisations ?? []) {
    for (const year of [2024, 2025]) await api('POST', `/api/funds/${f.data.id}/contributions`, { organisation, year, amount: '250000' });
  }
  return { id: f.data.id, how: 'created through the API' };
}

// ---------- the browser ----------

async function axe(page, name) {
  // evaluated over the DevTools protocol, so the app's Content-Security-Policy (which forbids inline scripts) stays on
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const res = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
  );
  const violations = res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  writeFileSync(join(out, `axe-${name}.json`), JSON.stringify(violations, null, 2));
  if (violations.length) throw new Error(`${violations.length} axe violation(s): ${violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes[0]}`).join('; ')}`);
  return `no WCAG 2.1 A/AA violations`;
}

async function login(page, base, username, pass, next = '/') {
  await page.goto(`${base}${next}`);
  await page.waitForURL(/\/login/, { timeout: 15_000 });
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(pass);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
}

async function waitLive(page) {
  await page.locator('.conn[data-status="open"]').waitFor({ timeout: 15_000 });
}

/** Milliseconds until `predicate` holds in the page (polled every frame), or throws after `timeout`. */
async function timeUntil(page, predicate, arg, timeout = 5000) {
  const t0 = Date.now();
  await page.waitForFunction(predicate, arg, { timeout, polling: 'raf' });
  return Date.now() - t0;
}

async function main() {
  mkdirSync(out, { recursive: true });
  const ensure = spawnSync('bash', [join(here, 'ensure-chromium.sh')], { stdio: 'inherit' });
  if (ensure.status !== 0) throw new Error('could not install chromium');

  console.log(`e2e: starting ${jar}`);
  let app;
  try {
    app = await startApp();
  } catch (e) {
    // a SIGTERM from outside (another job on a shared machine) before the app was up is not a test result
    if (!/exited with (143|SIGTERM)/.test(e.message)) throw e;
    console.log('e2e: the app was stopped from outside while starting; starting it once more');
    app = await startApp();
  }
  let browser;
  try {
    const { base } = app;
    const api = apiClient(base, 'admin', password);
    const { committee, meeting, notes } = await findOrSeed(api);
    notes.forEach((n) => console.log(`e2e: ${n}`));
    const mid = meeting.id;

    // a second user, secretary of the committee, for the second browser session
    const u = await api('POST', '/api/users', { username: 'sekretaer', displayName: 'Sara Sekretær', password: secretaryPassword });
    const g = await api('PUT', `/api/committees/${committee.id}/access/sekretaer`, { role: 'SECRETARY' });
    const secondUser = u.status === 201 && g.ok ? ['sekretaer', secretaryPassword] : ['admin', password];
    if (secondUser[0] === 'admin') console.log(`e2e: could not create a second user (${u.status}/${g.status}); both sessions are admin`);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      // playwright gives every launch a fresh, temporary --user-data-dir of its own
      args: ['--lang=da-DK', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const contextOptions = { viewport: { width: 1440, height: 1000 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' };
    const ctxA = await browser.newContext(contextOptions);
    const ctxB = await browser.newContext(contextOptions);
    const A = await ctxA.newPage();
    const B = await ctxB.newPage();
    // B's WebSocket runs through the test, so the test can cut it (and hold off its reconnects) like a lost network
    let blockB = false;
    let expectSocketErrors = false;
    const bSockets = [];
    await B.routeWebSocket(/\/ws$/, (ws) => {
      if (blockB) {
        void ws.close({ code: 1013, reason: 'e2e: still offline' });
        return;
      }
      bSockets.push({ ws, server: ws.connectToServer() });
    });
    const pageErrors = [];
    for (const [who, p] of [['A', A], ['B', B]]) {
      p.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
      p.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (expectSocketErrors && /WebSocket/.test(m.text())) return;
        pageErrors.push(`${who} console: ${m.text()}`);
      });
    }
    // what the user sees (the console's side panels are sticky, so a full-page picture would misplace them)
    const shot = (p, name, fullPage = false) => p.screenshot({ path: join(out, `${name}.png`), fullPage });

    // --- login and navigation ---
    await check('login page (deep link /login serves the app)', async () => {
      await A.goto(`${base}/login`);
      await A.getByRole('heading', { name: 'Log ind' }).waitFor({ timeout: 10_000 });
      await shot(A, '01-login');
      return axe(A, 'login');
    });
    await check('session A logs in and sees the committees', async () => {
      await login(A, base, 'admin', password, '/');
      await A.getByRole('heading', { name: 'Styregrupper' }).waitFor();
      await A.getByRole('link', { name: committee.name }).waitFor();
      await shot(A, '02-committees');
      return axe(A, 'committees');
    });
    await check('committee page lists its meetings', async () => {
      await A.getByRole('link', { name: committee.name }).click();
      await A.waitForURL(/\/committees\//);
      await A.locator('.list a[href^="/meetings/"]').first().waitFor();
      await shot(A, '03-committee');
      return axe(A, 'committee');
    });
    await check('session B logs in through a deep link to the meeting', async () => {
      await login(B, base, secondUser[0], secondUser[1], `/meetings/${mid}`);
      await B.waitForURL(new RegExp(`/meetings/${mid}`));
      return `as ${secondUser[0]}`;
    });

    await A.goto(`${base}/meetings/${mid}`);
    const minutes = (await api('GET', `/api/meetings/${mid}/minutes`)).data;
    const item = minutes.items.find((i) => i.visibility === 'OPEN' && i.kind === 'DECISION') ?? minutes.items[0];
    if (!item) throw new Error('the meeting has no agenda items');
    for (const p of [A, B]) {
      await p.goto(`${base}/meetings/${mid}?item=${item.id}`);
      await p.locator('#item-h').waitFor({ timeout: 15_000 });
    }

    let live = true;
    await check('live connection opens (STOMP over /ws)', async () => {
      try {
        await waitLive(A);
        await waitLive(B);
      } catch {
        live = false;
        const status = await A.locator('.conn').getAttribute('data-status');
        throw new Error(`connection status stays "${status}"`);
      }
      return 'status badge shows Live in both sessions';
    });

    const box = (p) => p.getByRole('textbox', { name: 'Beslutning' });

    await check('presence: B sees that A is editing the item', async () => {
      if (!live) return { skip: 'no live connection' };
      await box(A).focus();
      const meName = (await A.evaluate(() => fetch('/api/me', { headers: { 'X-Requested-With': 'XMLHttpRequest' } }).then((r) => r.json()))).displayName;
      const ms = await timeUntil(B, (name) => document.querySelector('.presence-note')?.textContent?.includes(name), meName, 5000);
      return `"${meName} redigerer nu" shown after ${ms} ms`;
    });

    const stamp = new Date().toISOString().slice(11, 19);
    const textA = `Styregruppen godkendte indstillingen (e2e ${stamp}).`;
    await check(`decision saved in A appears in B within ${LIVE_MS} ms`, async () => {
      if (!live) return { skip: 'no live connection' };
      await box(A).fill(textA);
      const t0 = Date.now();
      await A.getByRole('button', { name: 'Gem', exact: true }).click();
      await B.waitForFunction((t) => document.querySelector('textarea')?.value === t, textA, { timeout: 5000, polling: 'raf' });
      const ms = Date.now() - t0;
      await shot(A, '04-meeting-A-saved');
      await shot(B, '05-meeting-B-received');
      if (ms > LIVE_MS) throw new Error(`took ${ms} ms`);
      return `${ms} ms from clicking Gem to B's textbox`;
    });

    await check('a 409 conflict keeps the user\'s text and merges on request', async () => {
      if (!live) return { skip: 'no live connection' };
      const mineB = `Sekretariatets udgave: godkendt med bemærkninger (${stamp}).`;
      const theirsA = `Formandens udgave: godkendt uden bemærkninger (${stamp}).`;
      await box(B).fill(mineB);                // B edits revision n …
      await box(A).fill(theirsA);              // … while A replaces the same text and saves n+1
      await A.getByRole('button', { name: 'Gem', exact: true }).click();
      await B.getByText(/har gemt en ny udgave/).waitFor({ timeout: 5000 });
      if ((await box(B).inputValue()) !== mineB) throw new Error('B\'s text was overwritten by a live update');
      await B.getByRole('button', { name: 'Gem', exact: true }).click();
      await B.getByText('Konflikt: beslutningen er ændret samtidig').waitFor({ timeout: 5000 });
      const current = await B.getByTestId('conflict-current').textContent();
      if (current !== theirsA) throw new Error(`conflict shows "${current}" as current`);
      if ((await box(B).inputValue()) !== mineB) throw new Error('B\'s text was lost on 409');
      await shot(B, '06-conflict');
      await B.getByRole('button', { name: 'Gem min udgave' }).click();
      await A.waitForFunction((t) => document.querySelector('textarea')?.value === t, mineB, { timeout: 5000 });
      return 'both texts shown side by side with a diff; B\'s version saved on top and reached A';
    });

    await check('after a lost connection B catches up on what it missed', async () => {
      if (!live) return { skip: 'no live connection' };
      expectSocketErrors = true;
      blockB = true;                                      // B's socket drops and B cannot reconnect …
      for (const c of bSockets.splice(0)) {
        await c.ws.close({ code: 1012, reason: 'e2e: connection lost' }).catch(() => undefined);
        await c.server.close().catch(() => undefined);
      }
      await B.locator('.conn[data-status="reconnecting"]').waitFor({ timeout: 8000 });
      const missed = `Tilføjet mens B var væk (${stamp}).`;
      await box(A).fill(missed);                          // … while A saves
      await A.getByRole('button', { name: 'Gem', exact: true }).click();
      await A.getByText(/Gemt \(revision/).waitFor();
      await sleep(300);
      if ((await box(B).inputValue()) === missed) throw new Error('B received the change while disconnected?');
      await shot(B, '06b-reconnecting');
      blockB = false;                                      // B may reconnect now
      const t0 = Date.now();
      await B.waitForFunction((t) => document.querySelector('textarea')?.value === t, missed, { timeout: 15_000 });
      await waitLive(B);
      expectSocketErrors = false;
      return `B showed the lost connection, reconnected and caught up ${Date.now() - t0} ms after the way was open`;
    });

    await check('decision history shows the revisions with a diff', async () => {
      const history = A.locator('details.history');
      await history.locator('summary').waitFor();
      if (!(await history.getAttribute('open'))) await history.locator('summary').click();
      await A.waitForFunction(() => document.querySelectorAll('.revisions li').length >= 2, null, { timeout: 5000 });
      const n = await A.locator('.revisions li').count();
      const marks = await A.locator('.revisions ins, .revisions del').count();
      if (!marks) throw new Error('no insertions/deletions marked');
      await box(A).blur();
      await shot(A, '07-history');
      return `${n} revisions, ${marks} marked changes`;
    });

    await check(`attendance clicked in A updates B within ${LIVE_MS} ms`, async () => {
      if (!live) return { skip: 'no live connection' };
      const group = A.locator('.people li').first();
      const personId = await group.getAttribute('data-person');
      const choice = (await group.getByRole('button', { name: 'Virtuel' }).getAttribute('aria-pressed')) === 'true' ? 'I salen' : 'Virtuel';
      const t0 = Date.now();
      await group.getByRole('button', { name: choice }).click();
      await B.waitForFunction(
        ([id, label]) => [...document.querySelectorAll(`li[data-person="${id}"] button`)].some((b) => b.textContent === label && b.getAttribute('aria-pressed') === 'true'),
        [personId, choice],
        { timeout: 5000, polling: 'raf' },
      );
      const ms = Date.now() - t0;
      // and an apology (afbud) for the next person
      const second = A.locator('.people li').nth(1);
      const secondId = await second.getAttribute('data-person');
      await second.getByRole('button', { name: 'Afbud' }).click();
      await B.waitForFunction((id) => document.querySelector(`li[data-person="${id}"] .seg-AFBUD`)?.getAttribute('aria-pressed') === 'true', secondId, { timeout: 5000 });
      await shot(B, '08-attendance-B');
      if (ms > LIVE_MS) throw new Error(`took ${ms} ms`);
      return `"${choice}" reached B after ${ms} ms; an afbud followed`;
    });

    await check('guests are listed with attendance', async () => {
      const guests = await A.locator('.people li:has(.badge)').count();
      if (!guests) return { skip: 'the meeting has no guests' };
      return `${guests} guest(s)`;
    });

    await check('meeting console is accessible', () => axe(A, 'meeting'));

    await check('English switch', async () => {
      await A.getByRole('button', { name: 'Switch to English' }).click();
      await A.getByRole('textbox', { name: 'Decision' }).waitFor();
      await shot(A, '09-meeting-english');
      await A.getByRole('button', { name: 'Skift til dansk' }).click();
      await box(A).waitFor();
      return 'labels switch to English and back';
    });

    await check('minutes preview prints (PDF)', async () => {
      await A.getByRole('button', { name: 'Vis referat' }).click();
      await A.locator('.minutes-doc').waitFor();
      await A.locator('.minutes-doc').screenshot({ path: join(out, '10-minutes-preview.png') });
      await A.emulateMedia({ media: 'print' });
      await shot(A, '11-minutes-print', true);
      await A.pdf({ path: join(out, 'minutes.pdf'), format: 'A4' });
      const visible = await A.locator('.console').isVisible();
      await A.emulateMedia({ media: 'screen' });
      if (visible) throw new Error('the console is printed too');
      const doc = await fetch(`${base}/api/meetings/${mid}/minutes.html`, { headers: { Authorization: 'Basic ' + Buffer.from(`admin:${password}`).toString('base64') } });
      if (!doc.ok) throw new Error(`minutes.html → ${doc.status}`);
      return 'print shows only the minutes; minutes.pdf saved; minutes.html served';
    });

    // --- the fund dashboard ---
    const fund = await findOrCreateFund(api, committee, minutes).catch((e) => ({ error: e }));
    if (!fund) {
      record('fund dashboard moves when a budget is approved through the API', 'SKIP', 'the backend has no /api/funds yet');
    } else if (fund.error) {
      record('fund dashboard moves when a budget is approved through the API', 'FAIL', fund.error.message);
    } else {
      await check('fund dashboard moves when a budget is approved through the API', async () => {
        await B.goto(`${base}/funds/${fund.id}`);
        await B.getByTestId('total-committed').waitFor({ timeout: 15_000 });
        if (!live) return { skip: 'no live connection' };
        await waitLive(B);
        await sleep(300);
        await shot(B, '12-fund-before', true);
        const before = await B.getByTestId('total-committed').locator('dd').textContent();
        const status = (await api('GET', `/api/funds/${fund.id}/status`)).data;
        const year = status?.byYear?.[0]?.year ?? new Date().getFullYear();
        const t0 = Date.now();
        const res = await api('POST', `/api/funds/${fund.id}/budgets`, { project: `E2E-projekt ${stamp}`, amounts: [{ year, amount: '12345' }] });
        if (!res.ok) throw new Error(`POST budgets → ${res.status} ${JSON.stringify(res.data)}`);
        await B.waitForFunction((b) => document.querySelector('[data-testid="total-committed"] dd')?.textContent !== b, before, { timeout: 5000, polling: 'raf' });
        const ms = Date.now() - t0;
        const after = await B.getByTestId('total-committed').locator('dd').textContent();
        await B.getByText(`E2E-projekt ${stamp}`).waitFor({ timeout: 2000 });
        await sleep(1300); // let the highlight fade before the picture
        await shot(B, '13-fund-after', true);
        if (ms > LIVE_MS) throw new Error(`took ${ms} ms (${before} → ${after})`);
        return `committed ${before} → ${after} after ${ms} ms (fund ${fund.how})`;
      });
      await check('fund dashboard is accessible', () => axe(B, 'fund'));
    }

    await check('no errors in the pages\' consoles', async () => {
      const relevant = pageErrors.filter((e) => !/Failed to load resource: the server responded with a status of 40[1349]/.test(e));
      if (relevant.length) throw new Error(relevant.slice(0, 3).join(' | '));
      return '';
    });
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    await app.stop();
  }
}

main()
  .catch((e) => record('e2e run', 'FAIL', e?.message ?? String(e)))
  .finally(() => {
    const count = (s) => results.filter((r) => r.status === s).length;
    writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
    console.log(`\ne2e: ${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped; screenshots in ${out}`);
    process.exit(count('FAIL') ? 1 : 0);
  });
