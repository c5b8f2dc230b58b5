package dk.referent.committee.api;

/** A member's role in the committee (who chairs, who keeps the minutes). */
public enum CommitteeRole { CHAIR, CO_CHAIR, MEMBER, SECRETARIAT }
