package dk.referent.shared;

/**
 * A command that is well formed but not allowed in the current state (a closed meeting, a stale
 * revision, too little money left). Mapped to 409; the aggregate applies nothing when it is thrown.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
