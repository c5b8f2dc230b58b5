package dk.referent.meeting.api;

/** A bilag: its title and where it is. */
public record Attachment(String title, String url) {
}
