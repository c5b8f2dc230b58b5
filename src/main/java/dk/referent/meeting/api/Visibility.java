package dk.referent.meeting.api;

/** CLOSED items (lukket punkt) are never shown to observers. */
public enum Visibility { OPEN, CLOSED }
