package dk.referent.committee.api;

/** What a user may do in one committee. */
public enum AccessRole {
    /** edits meetings, minutes and funds */
    SECRETARY,
    /** reads everything, closed items included */
    MEMBER,
    /** reads open items only */
    OBSERVER
}
