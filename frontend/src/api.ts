/**
 * Typed fetch functions per resource (API.md). The browser is signed in with a session cookie; writes carry
 * Spring Security's cookie CSRF token (cookie XSRF-TOKEN → header X-XSRF-TOKEN), and every request says it is
 * XMLHttpRequest so a 401 never pops up the browser's Basic dialog.
 */
import type { Operation } from 'fast-json-patch';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

/** Called on any 401, so the app can send the user to the login page. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export function csrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'XSRF-TOKEN') return decodeURIComponent(v.join('='));
  }
  return null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof URLSearchParams) {
    payload = body;
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', ...init });
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' ? { status: res.status, ...(data as object) } : { status: res.status, detail: String(data ?? '') };
    if (res.status === 401 && onUnauthorized && !path.startsWith('/login')) onUnauthorized();
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

// ---- model types (the fields the page uses; the API may send more) ----

export type Attendance = 'EXPECTED' | 'IN_ROOM' | 'VIRTUAL' | 'APOLOGY' | 'ABSENT';
export type Outcome = 'APPROVED' | 'APPROVED_WITH_REMARKS' | 'REJECTED' | 'NOTED' | 'POSTPONED' | 'DISCUSSED';
export type MeetingStatus = 'PLANNED' | 'IN_PROGRESS' | 'CLOSED' | 'MINUTES_APPROVED';
export const OUTCOMES: Outcome[] = ['APPROVED', 'APPROVED_WITH_REMARKS', 'REJECTED', 'NOTED', 'POSTPONED', 'DISCUSSED'];

export interface Me {
  username: string;
  displayName: string;
  admin: boolean;
}

export interface Committee {
  id: string;
  name: string;
  organisations: string[];
  members?: { id: string; name: string | null; title?: string; organisation?: string; role?: string; vacancy?: boolean }[];
  access?: { username: string; role: 'SECRETARY' | 'MEMBER' | 'OBSERVER' }[];
}

export interface MeetingSummary {
  id: string;
  committeeId: string;
  title: string;
  startsAt: string;
  endsAt?: string;
  location?: string;
  mode?: string;
  status: MeetingStatus;
  items?: number;
}

export interface Participant {
  personId: string;
  name: string | null;
  title?: string | null;
  organisation?: string | null;
  role?: string | null;
  attendance: Attendance;
  apologyReason?: string | null;
  leftEarly?: string | null;
  vacancy?: boolean;
}

export interface Guest {
  id: string;
  name: string;
  title?: string | null;
  organisation?: string | null;
  attendance?: Attendance | null;
  leftEarly?: string | null;
}

export interface Decision {
  revision: number;
  text: string;
  outcome: Outcome | null;
  by?: string;
  at?: string;
  reason?: string | null;
}

export interface ActionItem {
  id: string;
  description: string;
  owner: string;
  due?: string | null;
  status?: string;
}

export interface AgendaItem {
  id: string;
  number: number;
  title: string;
  kind: 'DECISION' | 'DISCUSSION' | 'ORIENTATION';
  visibility: 'OPEN' | 'CLOSED';
  timeSlot?: string | null;
  presenter?: string | null;
  recommendations?: string[];
  caseDescription?: string | null;
  economy?: string | null;
  attachments?: { title: string; url: string }[];
  guests?: Guest[];
  decision: Decision | null;
  actions?: ActionItem[];
  budgets?: { fundId: string; budgetId: string; project: string; total: string; status?: string }[];
}

export interface Minutes {
  meetingId: string;
  committee: { id: string; name: string };
  title: string;
  startsAt: string;
  endsAt?: string;
  location?: string;
  mode?: string;
  status: MeetingStatus;
  version: number;
  participants: Participant[];
  items: AgendaItem[];
}

export interface Revision {
  revision: number;
  text: string;
  outcome: Outcome | null;
  by: string;
  at: string;
  reason?: string | null;
  previousText?: string | null;
  correction?: boolean;
}

export interface Change {
  type: string;
  id: string;
  version: number;
  at: string;
  actor: string;
  patch: Operation[];
}

export interface FundStatus {
  fundId: string;
  committeeId?: string;
  name: string;
  version: number;
  totals: {
    contributed: string;
    committed: string;
    spent: string;
    remaining: string;
    proposed?: string;
    remainingIfProposedApproved?: string;
  };
  byYear: { year: number; contributed: string; committed: string; spent: string; remaining: string }[];
  byOrganisation: {
    organisation: string;
    contributed: string;
    committed: string;
    spent: string;
    remaining: string;
    years: { year: number; contributed: string; committed: string; remaining: string; spent?: string }[];
  }[];
  budgets: {
    id: string;
    project: string;
    status: 'PROPOSED' | 'APPROVED' | 'CLOSED';
    total: string;
    spent: string;
    amounts: { year: number; amount: string }[];
    responsibleOrganisation?: string | null;
    decision?: { meetingId: string; itemId: string } | null;
  }[];
  settlement: { year: number; transfers: { from: string; to: string; amount: string }[] }[];
}

// ---- resources ----

const enc = encodeURIComponent;

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  login: (username: string, password: string) =>
    request<void>('POST', '/login', new URLSearchParams({ username, password })),
  logout: () => request<void>('POST', '/logout'),

  committees: () => request<Committee[]>('GET', '/api/committees'),
  committee: (cid: string) => request<Committee>('GET', `/api/committees/${enc(cid)}`),
  meetings: (cid: string) => request<MeetingSummary[]>('GET', `/api/meetings?committeeId=${enc(cid)}`),
  /** Not in API.md v1: a committee's funds (with their totals), used only if the backend offers it. */
  funds: (cid: string) =>
    request<{ id: string; name: string; totals?: FundStatus['totals'] }[]>('GET', `/api/funds?committeeId=${enc(cid)}`),

  minutes: (mid: string) => request<Minutes>('GET', `/api/meetings/${enc(mid)}/minutes`),
  meetingChanges: (mid: string, since: number) =>
    request<Change[]>('GET', `/api/meetings/${enc(mid)}/changes?since=${since}`),
  recordDecision: (mid: string, iid: string, body: { text: string; outcome: Outcome; baseRevision: number; reason?: string }) =>
    request<{ revision: number }>('PUT', `/api/meetings/${enc(mid)}/agenda/${enc(iid)}/decision`, body),
  decisionHistory: (mid: string, iid: string) =>
    request<Revision[]>('GET', `/api/meetings/${enc(mid)}/agenda/${enc(iid)}/decision/history`),
  setAttendance: (mid: string, personId: string, presence: 'IN_ROOM' | 'VIRTUAL' | 'ABSENT') =>
    request<{ version: number }>('PUT', `/api/meetings/${enc(mid)}/attendance/${enc(personId)}`, { presence }),
  registerApology: (mid: string, memberId: string, reason?: string) =>
    request<{ version: number }>('POST', `/api/meetings/${enc(mid)}/apologies`, { memberId, reason }),
  withdrawApology: (mid: string, memberId: string) =>
    request<{ version: number }>('DELETE', `/api/meetings/${enc(mid)}/apologies/${enc(memberId)}`),
  addAction: (mid: string, iid: string, body: { description: string; owner: string; due?: string }) =>
    request<{ id: string }>('POST', `/api/meetings/${enc(mid)}/agenda/${enc(iid)}/actions`, body),
  startMeeting: (mid: string) => request<{ version: number }>('POST', `/api/meetings/${enc(mid)}/start`),
  closeMeeting: (mid: string) => request<{ version: number }>('POST', `/api/meetings/${enc(mid)}/close`),

  fundStatus: (fid: string) => request<FundStatus>('GET', `/api/funds/${enc(fid)}/status`),
  fundChanges: (fid: string, since: number) => request<Change[]>('GET', `/api/funds/${enc(fid)}/changes?since=${since}`),
};
