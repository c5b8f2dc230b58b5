package dk.referent.meeting.api;

public enum MeetingMode { IN_PERSON, VIRTUAL, HYBRID }
