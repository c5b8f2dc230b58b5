package dk.referent.shared;

/** An id that names nothing (a meeting, an agenda item, a budget). Mapped to 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
