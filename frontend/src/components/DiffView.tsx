import { diffWordsWithSpace } from 'diff';
import { useI18n } from '../i18n';

/**
 * A readable word diff: removed words struck through, added words underlined, each also named for screen
 * readers (colour is never the only cue).
 */
export function DiffView({ before, after, label }: { before: string; after: string; label?: string }) {
  const { t } = useI18n();
  const parts = diffWordsWithSpace(before ?? '', after ?? '');
  // When most of the text was rewritten, interleaved word changes are unreadable: show before and after whole.
  const kept = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().length, 0);
  const longest = Math.max((before ?? '').trim().length, (after ?? '').trim().length, 1);
  if (before && after && kept / longest < 0.5) {
    return (
      <div class="diff diff-whole" aria-label={label}>
        <p><span class="diff-tag">{t('before')}</span><del><span class="sr-only">[{t('removed')}: </span>{before}<span class="sr-only">]</span></del></p>
        <p><span class="diff-tag">{t('after')}</span><ins><span class="sr-only">[{t('added')}: </span>{after}<span class="sr-only">]</span></ins></p>
      </div>
    );
  }
  return (
    <p class="diff" aria-label={label}>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i}><span class="sr-only">[{t('added')}: </span>{p.value}<span class="sr-only">]</span></ins>
        ) : p.removed ? (
          <del key={i}><span class="sr-only">[{t('removed')}: </span>{p.value}<span class="sr-only">]</span></del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}
