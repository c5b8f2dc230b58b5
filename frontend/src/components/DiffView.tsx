import { diffWordsWithSpace } from 'diff';
import { useI18n } from '../i18n';

/**
 * A readable word diff: removed words struck through, added words underlined, each also named for screen
 * readers (colour is never the only cue).
 */
export function DiffView({ before, after, label }: { before: string; after: string; label?: string }) {
  const { t } = useI18n();
  const parts = diffWordsWithSpace(before ?? '', after ?? '');
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
