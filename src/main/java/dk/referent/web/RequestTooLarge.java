package dk.referent.web;

/** A body above the configured limit (413). */
public class RequestTooLarge extends RuntimeException {

    public RequestTooLarge(String message) {
        super(message);
    }
}
