import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, OUTCOMES, type AgendaItem, type Decision, type MeetingStatus, type Outcome } from '../api';
import { useI18n } from '../i18n';
import { DiffView } from './DiffView';

export interface DecisionEditorProps {
  meetingId: string;
  item: AgendaItem;
  status: MeetingStatus;
  canEdit: boolean;
  /** display names of other people editing this item right now */
  othersEditing: string[];
  onEditing?: (editing: boolean) => void;
  save?: typeof api.recordDecision;
}

interface Baseline {
  revision: number;
  text: string;
  outcome: Outcome | null;
}

/** Unsaved drafts survive switching to another item and back (kept in memory for this tab). */
const drafts = new Map<string, { baseline: Baseline; draft: string; outcome: Outcome | null }>();

const toBaseline = (d: Decision | null): Baseline =>
  d ? { revision: d.revision, text: d.text ?? '', outcome: d.outcome ?? null } : { revision: 0, text: '', outcome: null };

/** Every decision has an outcome; the first one is preset from the kind of item. */
export function defaultOutcome(kind: AgendaItem['kind']): Outcome {
  return kind === 'ORIENTATION' ? 'NOTED' : kind === 'DISCUSSION' ? 'DISCUSSED' : 'APPROVED';
}

/**
 * The decision of one agenda item: a textbox labelled "Beslutning" and a "Gem" button. An edit names the
 * revision it started from; while the user types, live changes by others never overwrite their text (they are
 * announced instead, and the server merges on save); a 409 shows the current text beside the user's own, which
 * stays in the textbox until the user decides.
 */
export function DecisionEditor({ meetingId, item, status, canEdit, othersEditing, onEditing, save = api.recordDecision }: DecisionEditorProps) {
  const i = useI18n();
  const { t } = i;
  const decision = item.decision;
  const draftKey = `${meetingId}/${item.id}`;
  const kept = drafts.get(draftKey);
  const [baseline, setBaseline] = useState<Baseline>(() => kept?.baseline ?? toBaseline(decision));
  const [draft, setDraft] = useState(kept?.draft ?? decision?.text ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(kept ? kept.outcome : decision?.outcome ?? null);
  const shownOutcome: Outcome = outcome ?? defaultOutcome(item.kind);
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState<Baseline | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedRevision, setSavedRevision] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const dirty = draft !== baseline.text || (outcome !== null && outcome !== baseline.outcome);
  const correction = status === 'MINUTES_APPROVED';
  const afterMeeting = status === 'CLOSED' || status === 'MINUTES_APPROVED';

  // Adopt what others saved, but only while the user has nothing unsaved (their text is never overwritten).
  useEffect(() => {
    if (!decision || saving || dirty) return;
    if (decision.revision < baseline.revision) return;
    if (decision.revision === baseline.revision && decision.text === baseline.text && decision.outcome === baseline.outcome) return;
    const b = toBaseline(decision);
    if (decision.revision > baseline.revision) setSavedRevision(null);
    setBaseline(b);
    setDraft(b.text);
    setOutcome(b.outcome);
  }, [decision?.revision, decision?.text, decision?.outcome, baseline, dirty, saving]);

  useEffect(() => {
    if (dirty) drafts.set(draftKey, { baseline, draft, outcome });
    else drafts.delete(draftKey);
  }, [draftKey, dirty, baseline, draft, outcome]);

  const remoteNewer = !!decision && dirty && !saving && decision.revision > baseline.revision;

  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (!canEdit || saving) return;
    setSaving(true);
    setSavedRevision(null);
    setError(null);
    const text = draft;
    const chosen = shownOutcome;
    if (!text.trim()) {
      setError(t('emptyDecision'));
      setSaving(false);
      textRef.current?.focus();
      return;
    }
    try {
      const res = await save(meetingId, item.id, {
        text,
        outcome: chosen,
        baseRevision: baseline.revision,
        ...(afterMeeting && reason.trim() ? { reason: reason.trim() } : {}),
      });
      setBaseline({ revision: res.revision, text, outcome: chosen });
      setConflict(null);
      setReason('');
      setSavedRevision(res.revision);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.problem.current && typeof err.problem.current === 'object') {
        const current = err.problem.current as Decision;
        const b = toBaseline(current);
        // The user's text stays in the textbox; the next save is based on the current revision.
        setConflict(b);
        setBaseline(b);
      } else if (err instanceof ApiError) {
        setError(err.problem.errors?.map((x) => `${x.field}: ${x.message}`).join('; ') || err.message);
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const useCurrent = () => {
    if (!conflict) return;
    setDraft(conflict.text);
    setOutcome(conflict.outcome);
    setConflict(null);
  };

  const appendCurrent = () => {
    if (!conflict) return;
    setDraft(`${draft.trimEnd()}\n\n${conflict.text}`);
    textRef.current?.focus();
  };

  const textId = `decision-${item.id}`;

  if (!canEdit) {
    return (
      <div class="decision readonly">
        <h3>{t('decisionHeading')}</h3>
        {decision ? (
          <>
            <p class="decision-text" data-testid="decision-current">{decision.text}</p>
            <p class="muted">
              {decision.outcome ? i.tv('outcome', decision.outcome) + ' · ' : ''}
              {t('revision')} {decision.revision}
              {decision.by ? ` · ${t('by')} ${decision.by}` : ''}
            </p>
          </>
        ) : (
          <p class="muted">{t('noDecision')}</p>
        )}
        {othersEditing.length > 0 && <p class="presence-note">✎ {t('editingNow', { names: othersEditing.join(', ') })}</p>}
      </div>
    );
  }

  return (
    <form class="decision" onSubmit={submit} aria-busy={saving}>
      <div class="decision-head">
        <label for={textId} class="h3">{t('decision')}</label>
        <span class="muted" data-testid="decision-revision">
          {decision ? `${t('revision')} ${decision.revision}${decision.by ? ` · ${t('by')} ${decision.by}` : ''}` : t('noDecision')}
        </span>
      </div>
      <p class="presence-note" aria-live="polite">
        {othersEditing.length > 0 ? `✎ ${t('editingNow', { names: othersEditing.join(', ') })}` : ''}
      </p>
      <textarea
        id={textId}
        ref={textRef}
        rows={6}
        value={draft}
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          setSavedRevision(null);
        }}
        onFocus={() => onEditing?.(true)}
        onBlur={() => onEditing?.(false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
        aria-describedby={`${textId}-state`}
      />
      <div class="decision-row">
        <label>
          {t('outcome')}{' '}
          <select value={shownOutcome} onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>{i.tv('outcome', o)}</option>
            ))}
          </select>
        </label>
        {afterMeeting && (
          <label class="grow">
            {t('reason')}
            <input value={reason} required={correction} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        )}
        <button type="submit" disabled={saving}>{saving ? t('saving') : t('save')}</button>
        <span id={`${textId}-state`} class="muted" role="status">
          {dirty && !saving ? t('unsaved') : savedRevision !== null ? t('saved', { rev: savedRevision }) : ''}
        </span>
      </div>
      {afterMeeting && <p class="muted small">{correction ? t('reasonRequired') : t('reasonHint')}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {remoteNewer && !conflict && (
        <p class="notice" role="status">
          {t('remoteChanged', { who: decision!.by ?? '?', rev: decision!.revision })}
        </p>
      )}
      {conflict && (
        <section class="conflict" role="alert" aria-labelledby={`${textId}-conflict`}>
          <h4 id={`${textId}-conflict`}>{t('conflictTitle')}</h4>
          <p>{t('conflictText', { rev: conflict.revision })}</p>
          <div class="conflict-columns">
            <div>
              <h5>{t('currentVersion', { rev: conflict.revision })}</h5>
              <p class="decision-text" data-testid="conflict-current">{conflict.text}</p>
              {conflict.outcome && <p class="muted">{i.tv('outcome', conflict.outcome)}</p>}
            </div>
            <div>
              <h5>{t('yourVersion')}</h5>
              <p class="decision-text" data-testid="conflict-mine">{draft}</p>
            </div>
          </div>
          <h5>{t('differences')}</h5>
          <DiffView before={conflict.text} after={draft} />
          <div class="button-row">
            <button type="submit">{t('keepMine')}</button>
            <button type="button" class="secondary" onClick={appendCurrent}>{t('copyCurrentIntoMine')}</button>
            <button type="button" class="secondary" onClick={useCurrent}>{t('useCurrent')}</button>
          </div>
        </section>
      )}
    </form>
  );
}
