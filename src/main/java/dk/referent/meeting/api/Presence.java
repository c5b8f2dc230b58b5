package dk.referent.meeting.api;

public enum Presence { IN_ROOM, VIRTUAL, ABSENT }
