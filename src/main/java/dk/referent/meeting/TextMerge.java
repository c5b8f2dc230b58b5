package dk.referent.meeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;

/**
 * Three-way merge of two edits of one text, word by word (diff3 style): both edits are diffed against the text
 * they started from; changes to different parts are combined, changes that overlap or touch must be identical.
 * <p>
 * Texts are split into words (letters, digits, also æøå), runs of whitespace, and single other characters, so
 * that edits in different sentences of one paragraph merge, while two different edits of the same word, of
 * neighbouring words or of neighbouring characters conflict.
 */
final class TextMerge {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+|\\s+|.",
            Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

    /** About half a second of diffing. */
    private static final long MAX_DIFF_STEPS = 300_000_000L;

    private TextMerge() {
    }

    /**
     * The text with both edits, or empty when they overlap.
     *
     * @param base    the text both edits started from
     * @param edited  one edit of base (the author's)
     * @param current the other edit of base (what was recorded meanwhile)
     */
    static Optional<String> merge(String base, String edited, String current) {
        if (edited.equals(current) || current.equals(base)) {
            return Optional.of(edited);
        }
        if (edited.equals(base)) {
            return Optional.of(current);
        }
        List<String> baseTokens = tokens(base);
        List<String> editedTokens = tokens(edited);
        List<String> currentTokens = tokens(current);
        if (tooCostly(baseTokens, editedTokens) || tooCostly(baseTokens, currentTokens)) {
            return Optional.empty();
        }
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(baseTokens, editedTokens, Side.EDITED));
        changes.addAll(changes(baseTokens, currentTokens, Side.CURRENT));
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));

        StringBuilder merged = new StringBuilder();
        int position = 0; // next base token not yet copied
        int i = 0;
        while (i < changes.size()) {
            // a cluster: changes that overlap or touch each other, transitively; changes of neighbouring words
            // (only whitespace between them) touch
            int start = changes.get(i).start();
            int end = changes.get(i).end();
            int j = i + 1;
            while (j < changes.size() && touches(baseTokens, end, changes.get(j).start())) {
                end = Math.max(end, changes.get(j).end());
                j++;
            }
            List<Change> cluster = changes.subList(i, j);
            append(merged, baseTokens, position, start);
            String fromEdited = render(baseTokens, start, end, cluster, Side.EDITED);
            String fromCurrent = render(baseTokens, start, end, cluster, Side.CURRENT);
            boolean editedTouches = cluster.stream().anyMatch(c -> c.side() == Side.EDITED);
            boolean currentTouches = cluster.stream().anyMatch(c -> c.side() == Side.CURRENT);
            if (editedTouches && currentTouches && !fromEdited.equals(fromCurrent)) {
                return Optional.empty();
            }
            merged.append(editedTouches ? fromEdited : fromCurrent);
            position = end;
            i = j;
        }
        append(merged, baseTokens, position, baseTokens.size());
        return Optional.of(merged.toString());
    }

    /**
     * Whether diffing would take too long: Myers' diff costs about (n + m) · d steps for d changed tokens, and
     * d is at least the difference between the two texts' token counts (word by word). Two long texts that are
     * both rewritten wholesale (a pasted 100 000-character text) would keep the meeting locked for seconds; such
     * edits are answered as a conflict instead, which loses nothing: the author gets the current text.
     */
    private static boolean tooCostly(List<String> base, List<String> revised) {
        Map<String, Integer> balance = new HashMap<>();
        base.forEach(t -> balance.merge(t, 1, Integer::sum));
        revised.forEach(t -> balance.merge(t, -1, Integer::sum));
        long changedAtLeast = balance.values().stream().mapToLong(v -> Math.abs((long) v)).sum();
        return (long) (base.size() + revised.size()) * changedAtLeast > MAX_DIFF_STEPS;
    }

    /** Whether a change starting at base token {@code next} touches changes ending at {@code end}. */
    private static boolean touches(List<String> base, int end, int next) {
        for (int k = end; k < next; k++) {
            if (!base.get(k).isBlank()) {
                return false;
            }
        }
        return true;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private enum Side { EDITED, CURRENT }

    /** Base tokens [start, end) replaced by {@code replacement} on one side; start == end is an insertion. */
    private record Change(Side side, int start, int end, List<String> replacement) {
    }

    private static List<Change> changes(List<String> base, List<String> revised, Side side) {
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(base, revised, new MyersDiffWithLinearSpace<String>())
                .getDeltas()) {
            int start = delta.getSource().getPosition();
            changes.add(new Change(side, start, start + delta.getSource().size(), delta.getTarget().getLines()));
        }
        return changes;
    }

    /** Base tokens [start, end) as one side has them: its changes in the cluster applied, the rest as in base. */
    private static String render(List<String> base, int start, int end, List<Change> cluster, Side side) {
        StringBuilder sb = new StringBuilder();
        int position = start;
        for (Change change : cluster) {
            if (change.side() != side) {
                continue;
            }
            append(sb, base, position, change.start());
            change.replacement().forEach(sb::append);
            position = change.end();
        }
        append(sb, base, position, end);
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<String> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            sb.append(tokens.get(k));
        }
    }
}
