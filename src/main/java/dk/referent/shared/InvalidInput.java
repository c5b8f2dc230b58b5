package dk.referent.shared;

/**
 * A command whose content is wrong whatever the state (an unknown member, a missing reason, shares
 * that do not add up). Mapped to 400 with the offending field.
 */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
