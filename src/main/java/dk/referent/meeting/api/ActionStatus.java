package dk.referent.meeting.api;

public enum ActionStatus { OPEN, IN_PROGRESS, DONE, CANCELLED }
