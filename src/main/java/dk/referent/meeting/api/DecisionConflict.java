package dk.referent.meeting.api;

import dk.referent.shared.RuleViolation;

/**
 * A decision edit based on an older revision that overlaps what was recorded since. Answered with 409 and the
 * current decision, so the author can redo the edit on top of it; nothing is recorded.
 */
public class DecisionConflict extends RuleViolation {

    private final long currentRevision;
    private final String currentText;
    private final Outcome currentOutcome;

    public DecisionConflict(long baseRevision, long currentRevision, String currentText, Outcome currentOutcome) {
        super("The decision was changed to revision " + currentRevision + " after revision " + baseRevision
                + " that this edit is based on, and the changes overlap");
        this.currentRevision = currentRevision;
        this.currentText = currentText;
        this.currentOutcome = currentOutcome;
    }

    public long currentRevision() {
        return currentRevision;
    }

    public String currentText() {
        return currentText;
    }

    public Outcome currentOutcome() {
        return currentOutcome;
    }
}
