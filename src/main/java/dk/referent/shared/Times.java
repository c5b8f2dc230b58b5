package dk.referent.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times in requests: ISO-8601 with an offset ({@code 2024-10-04T11:32:00+02:00}) or in UTC ({@code …Z}). */
public final class Times {

    private Times() {
    }

    /** The instant, or a 400 naming the field. */
    public static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw new InvalidInput(field, "must be an ISO-8601 time with offset, e.g. 2024-10-04T11:32:00+02:00");
            }
        }
    }
}
