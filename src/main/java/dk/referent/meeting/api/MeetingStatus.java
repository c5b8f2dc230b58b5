package dk.referent.meeting.api;

public enum MeetingStatus { PLANNED, IN_PROGRESS, CLOSED, MINUTES_APPROVED }
