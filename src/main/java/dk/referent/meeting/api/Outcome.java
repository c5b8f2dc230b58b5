package dk.referent.meeting.api;

/** NOTED is "taget til efterretning". */
public enum Outcome { APPROVED, APPROVED_WITH_REMARKS, REJECTED, NOTED, POSTPONED, DISCUSSED }
