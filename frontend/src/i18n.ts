/** Danish by default, English switchable; the choice is remembered in the browser. */
import { createStore, useStore } from './store';
import type { Lang } from './format';
import * as f from './format';

const da = {
  appName: 'Referent',
  skipToContent: 'Spring til indhold',
  mainNav: 'Hovedmenu',
  committees: 'Styregrupper',
  language: 'Sprog',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  logout: 'Log ud',
  loggedInAs: 'Logget ind som',
  loading: 'Henter…',
  notFound: 'Siden findes ikke.',
  back: 'Tilbage',
  error: 'Noget gik galt',
  forbidden: 'Du har ikke adgang til dette.',
  retry: 'Prøv igen',

  'conn.idle': 'Ikke forbundet',
  'conn.connecting': 'Forbinder…',
  'conn.open': 'Live',
  'conn.reconnecting': 'Forbindelsen er afbrudt – prøver igen…',
  'conn.label': 'Live-forbindelse',

  loginTitle: 'Log ind',
  username: 'Brugernavn',
  password: 'Adgangskode',
  loginButton: 'Log ind',
  loginFailed: 'Forkert brugernavn eller adgangskode.',

  committeesIntro: 'Vælg en styregruppe for at se dens møder.',
  noCommittees: 'Du har endnu ikke adgang til nogen styregrupper.',
  organisations: 'Organisationer',
  members: 'Medlemmer',
  meetings: 'Møder',
  noMeetings: 'Ingen møder endnu.',
  funds: 'Puljer',
  items: 'punkter',
  vacancy: 'Vakant',

  'status.PLANNED': 'Planlagt',
  'status.IN_PROGRESS': 'I gang',
  'status.CLOSED': 'Afsluttet',
  'status.MINUTES_APPROVED': 'Referat godkendt',
  'mode.IN_PERSON': 'Fysisk møde',
  'mode.VIRTUAL': 'Virtuelt møde',
  'mode.HYBRID': 'Hybridmøde',

  agenda: 'Dagsorden',
  item: 'Punkt',
  kind: 'Type',
  'kind.DECISION': 'Beslutning',
  'kind.DISCUSSION': 'Drøftelse',
  'kind.ORIENTATION': 'Orientering',
  closedItem: 'Lukket punkt',
  presenter: 'Oplæg',
  timeSlot: 'Tidspunkt',
  recommendations: 'Indstilling',
  caseDescription: 'Sagsfremstilling',
  economy: 'Økonomi',
  attachments: 'Bilag',
  guests: 'Gæster',
  noRecommendations: 'Ingen indstilling.',
  noItems: 'Dagsordenen er tom.',
  startMeeting: 'Start mødet',
  closeMeeting: 'Afslut mødet',
  confirmClose: 'Afslut mødet nu? Derefter kræver rettelser af beslutninger en begrundelse, når referatet er godkendt.',

  decision: 'Beslutning',
  decisionHeading: 'Beslutning',
  outcome: 'Udfald',
  noOutcome: '(intet udfald valgt)',
  emptyDecision: 'Skriv beslutningen, før du gemmer.',
  'outcome.APPROVED': 'Godkendt',
  'outcome.APPROVED_WITH_REMARKS': 'Godkendt med bemærkninger',
  'outcome.REJECTED': 'Afvist',
  'outcome.NOTED': 'Taget til efterretning',
  'outcome.POSTPONED': 'Udsat',
  'outcome.DISCUSSED': 'Drøftet',
  save: 'Gem',
  saving: 'Gemmer…',
  saved: 'Gemt (revision {rev}).',
  reason: 'Begrundelse for rettelsen',
  reasonHint: 'Referatet er afsluttet; en rettelse skal begrundes.',
  revision: 'Revision',
  noDecision: 'Ingen beslutning endnu.',
  unsaved: 'Ikke gemt',
  remoteChanged: '{who} har gemt en ny udgave (revision {rev}), mens du skrev. Din tekst er bevaret; når du gemmer, flettes den med den nye udgave.',
  conflictTitle: 'Konflikt: beslutningen er ændret samtidig',
  conflictText: 'Din ændring overlapper den gældende udgave (revision {rev}). Din tekst er bevaret nedenfor. Ret den til, og gem igen – eller brug den gældende tekst.',
  currentVersion: 'Gældende udgave (revision {rev})',
  yourVersion: 'Din udgave',
  differences: 'Forskelle',
  keepMine: 'Gem min udgave',
  useCurrent: 'Brug den gældende udgave',
  copyCurrentIntoMine: 'Indsæt gældende tekst under min',
  readOnly: 'Du kan læse, men ikke redigere, denne beslutning.',
  editingNow: '{names} redigerer nu',
  viewing: 'Til stede',
  presence: 'Hvem er her',
  you: 'dig',

  history: 'Beslutningshistorik',
  noHistory: 'Ingen revisioner endnu.',
  by: 'af',
  changedFrom: 'Ændringer fra revision {from}',
  firstRevision: 'Første udgave',
  added: 'tilføjet',
  removed: 'slettet',
  correction: 'Rettelse',

  actions: 'Opfølgning',
  noActions: 'Ingen opfølgningspunkter.',
  actionDescription: 'Hvad',
  actionOwner: 'Ansvarlig',
  actionDue: 'Frist',
  addAction: 'Tilføj opfølgningspunkt',
  'action.OPEN': 'Åben',
  'action.DONE': 'Udført',
  'action.CANCELLED': 'Annulleret',

  attendance: 'Fremmøde',
  'att.IN_ROOM': 'I salen',
  'att.VIRTUAL': 'Virtuel',
  'att.APOLOGY': 'Afbud',
  'att.ABSENT': 'Fraværende',
  'att.EXPECTED': 'Forventet',
  attendanceFor: 'Fremmøde for {name}',
  guest: 'gæst',
  summaryInRoom: 'i salen',
  summaryVirtual: 'virtuelt',
  summaryApologies: 'afbud',
  summaryExpected: 'forventede',
  leftEarly: 'gik tidligt',

  minutes: 'Referat',
  minutesPreview: 'Vis referat',
  hideMinutesPreview: 'Skjul referat',
  openMinutesDocument: 'Åbn referatet som dokument',
  print: 'Udskriv / gem som PDF',
  participants: 'Deltagere',
  apologies: 'Afbud',

  fund: 'Pulje',
  fundTotals: 'Overblik',
  contributed: 'Indskudt',
  committed: 'Disponeret',
  spent: 'Forbrugt',
  remaining: 'Resterende',
  proposed: 'Foreslået',
  remainingIfApproved: 'Resterende hvis forslag godkendes',
  byYear: 'Pr. år',
  year: 'År',
  byOrganisation: 'Organisation × år (resterende)',
  organisation: 'Organisation',
  total: 'I alt',
  budgets: 'Budgetter',
  project: 'Projekt',
  status: 'Status',
  responsible: 'Økonomiansvarlig',
  amounts: 'Beløb pr. år',
  decidedAt: 'Besluttet',
  'budget.PROPOSED': 'Foreslået',
  'budget.APPROVED': 'Godkendt',
  'budget.CLOSED': 'Lukket',
  noBudgets: 'Ingen budgetter endnu.',
  settlement: 'Udligning',
  noSettlement: 'Ingen udligning nødvendig.',
  pays: 'betaler',
  to: 'til',
  chartTitle: 'Disponeret, forbrugt og resterende pr. år',
  chartDesc: 'Søjlediagram. For hvert år: forbrugt, disponeret men ikke forbrugt, og resterende af det indskudte beløb.',
  committedNotSpent: 'Disponeret, ikke forbrugt',
  lastChange: 'Seneste ændring: {type} af {actor}',
  fundsOfBudgets: 'Puljer med budgetter på dette møde',
};

export type Key = keyof typeof da;

const en: Record<Key, string> = {
  appName: 'Referent',
  skipToContent: 'Skip to content',
  mainNav: 'Main menu',
  committees: 'Committees',
  language: 'Language',
  switchLanguage: 'Dansk',
  switchLanguageLabel: 'Skift til dansk',
  logout: 'Log out',
  loggedInAs: 'Logged in as',
  loading: 'Loading…',
  notFound: 'This page does not exist.',
  back: 'Back',
  error: 'Something went wrong',
  forbidden: 'You do not have access to this.',
  retry: 'Try again',

  'conn.idle': 'Not connected',
  'conn.connecting': 'Connecting…',
  'conn.open': 'Live',
  'conn.reconnecting': 'Connection lost – retrying…',
  'conn.label': 'Live connection',

  loginTitle: 'Log in',
  username: 'Username',
  password: 'Password',
  loginButton: 'Log in',
  loginFailed: 'Wrong username or password.',

  committeesIntro: 'Choose a committee to see its meetings.',
  noCommittees: 'You do not have access to any committee yet.',
  organisations: 'Organisations',
  members: 'Members',
  meetings: 'Meetings',
  noMeetings: 'No meetings yet.',
  funds: 'Funds',
  items: 'items',
  vacancy: 'Vacant',

  'status.PLANNED': 'Planned',
  'status.IN_PROGRESS': 'In progress',
  'status.CLOSED': 'Closed',
  'status.MINUTES_APPROVED': 'Minutes approved',
  'mode.IN_PERSON': 'In person',
  'mode.VIRTUAL': 'Virtual',
  'mode.HYBRID': 'Hybrid',

  agenda: 'Agenda',
  item: 'Item',
  kind: 'Kind',
  'kind.DECISION': 'Decision',
  'kind.DISCUSSION': 'Discussion',
  'kind.ORIENTATION': 'Orientation',
  closedItem: 'Closed item',
  presenter: 'Presenter',
  timeSlot: 'Time',
  recommendations: 'Recommendation (indstilling)',
  caseDescription: 'Case description (sagsfremstilling)',
  economy: 'Economy',
  attachments: 'Attachments (bilag)',
  guests: 'Guests',
  noRecommendations: 'No recommendation.',
  noItems: 'The agenda is empty.',
  startMeeting: 'Start the meeting',
  closeMeeting: 'Close the meeting',
  confirmClose: 'Close the meeting now? Once the minutes are approved, corrections to decisions need a reason.',

  decision: 'Decision',
  decisionHeading: 'Decision',
  outcome: 'Outcome',
  noOutcome: '(no outcome chosen)',
  emptyDecision: 'Write the decision before saving.',
  'outcome.APPROVED': 'Approved',
  'outcome.APPROVED_WITH_REMARKS': 'Approved with remarks',
  'outcome.REJECTED': 'Rejected',
  'outcome.NOTED': 'Noted',
  'outcome.POSTPONED': 'Postponed',
  'outcome.DISCUSSED': 'Discussed',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved (revision {rev}).',
  reason: 'Reason for the correction',
  reasonHint: 'The meeting is closed; a correction needs a reason.',
  revision: 'Revision',
  noDecision: 'No decision yet.',
  unsaved: 'Not saved',
  remoteChanged: '{who} saved a new version (revision {rev}) while you were typing. Your text is kept; saving merges it with the new version.',
  conflictTitle: 'Conflict: the decision was changed at the same time',
  conflictText: 'Your edit overlaps the current version (revision {rev}). Your text is kept below. Adjust it and save again – or use the current text.',
  currentVersion: 'Current version (revision {rev})',
  yourVersion: 'Your version',
  differences: 'Differences',
  keepMine: 'Save my version',
  useCurrent: 'Use the current version',
  copyCurrentIntoMine: 'Append the current text below mine',
  readOnly: 'You can read but not edit this decision.',
  editingNow: '{names} editing now',
  viewing: 'Present',
  presence: 'Who is here',
  you: 'you',

  history: 'Decision history',
  noHistory: 'No revisions yet.',
  by: 'by',
  changedFrom: 'Changes from revision {from}',
  firstRevision: 'First version',
  added: 'added',
  removed: 'removed',
  correction: 'Correction',

  actions: 'Actions',
  noActions: 'No actions.',
  actionDescription: 'What',
  actionOwner: 'Owner',
  actionDue: 'Due',
  addAction: 'Add action',
  'action.OPEN': 'Open',
  'action.DONE': 'Done',
  'action.CANCELLED': 'Cancelled',

  attendance: 'Attendance',
  'att.IN_ROOM': 'In the room',
  'att.VIRTUAL': 'Virtual',
  'att.APOLOGY': 'Apology',
  'att.ABSENT': 'Absent',
  'att.EXPECTED': 'Expected',
  attendanceFor: 'Attendance of {name}',
  guest: 'guest',
  summaryInRoom: 'in the room',
  summaryVirtual: 'virtual',
  summaryApologies: 'apologies',
  summaryExpected: 'expected',
  leftEarly: 'left early',

  minutes: 'Minutes',
  minutesPreview: 'Show minutes',
  hideMinutesPreview: 'Hide minutes',
  openMinutesDocument: 'Open the minutes as a document',
  print: 'Print / save as PDF',
  participants: 'Participants',
  apologies: 'Apologies',

  fund: 'Fund',
  fundTotals: 'Overview',
  contributed: 'Contributed',
  committed: 'Committed',
  spent: 'Spent',
  remaining: 'Remaining',
  proposed: 'Proposed',
  remainingIfApproved: 'Remaining if proposals are approved',
  byYear: 'By year',
  year: 'Year',
  byOrganisation: 'Organisation × year (remaining)',
  organisation: 'Organisation',
  total: 'Total',
  budgets: 'Budgets',
  project: 'Project',
  status: 'Status',
  responsible: 'Responsible for economy',
  amounts: 'Amounts per year',
  decidedAt: 'Decided',
  'budget.PROPOSED': 'Proposed',
  'budget.APPROVED': 'Approved',
  'budget.CLOSED': 'Closed',
  noBudgets: 'No budgets yet.',
  settlement: 'Settlement',
  noSettlement: 'No settlement needed.',
  pays: 'pays',
  to: 'to',
  chartTitle: 'Committed, spent and remaining per year',
  chartDesc: 'Bar chart. For each year: spent, committed but not spent, and remaining of the contributed amount.',
  committedNotSpent: 'Committed, not spent',
  lastChange: 'Last change: {type} by {actor}',
  fundsOfBudgets: 'Funds with budgets at this meeting',
};

const dictionaries: Record<Lang, Record<Key, string>> = { da, en };

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('referent.lang');
    if (saved === 'da' || saved === 'en') return saved;
  } catch {
    // storage unavailable
  }
  return 'da';
}

export const language = createStore<Lang>(initialLang());
language.subscribe((l) => {
  try {
    localStorage.setItem('referent.lang', l);
  } catch {
    // ignore
  }
  if (typeof document !== 'undefined') document.documentElement.lang = l;
});

export function translate(lang: Lang, key: Key, vars?: Record<string, string | number>): string {
  let s = dictionaries[lang][key] ?? dictionaries.da[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

export interface I18n {
  lang: Lang;
  t: (key: Key, vars?: Record<string, string | number>) => string;
  /** For keys built from API values (`status.${s}`): falls back to the value itself. */
  tv: (prefix: string, value: string | null | undefined) => string;
  amount: (a: string | number | null | undefined) => string;
  date: (d: string | null | undefined) => string;
  dateTime: (d: string | null | undefined) => string;
  time: (d: string | null | undefined) => string;
}

export function i18n(lang: Lang): I18n {
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    tv: (prefix, value) => {
      if (!value) return '';
      const key = `${prefix}.${value}` as Key;
      return key in da ? translate(lang, key) : value;
    },
    amount: (a) => f.formatAmount(a, lang),
    date: (d) => f.formatDate(d, lang),
    dateTime: (d) => f.formatDateTime(d, lang),
    time: (d) => f.formatTime(d, lang),
  };
}

export function useI18n(): I18n {
  return i18n(useStore(language));
}
