package dk.referent.meeting.api;

/** DECISION (beslutningspunkt), DISCUSSION (drøftelse), ORIENTATION (orienteringspunkt). */
public enum ItemKind { DECISION, DISCUSSION, ORIENTATION }
