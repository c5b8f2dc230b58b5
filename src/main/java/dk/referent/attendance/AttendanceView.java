package dk.referent.attendance;

import java.util.List;

/** Who is here: API.md's attendance read model (the store adds {@code version}). */
public record AttendanceView(String meetingId, String committeeId, int expected, int inRoom, int virtual,
                             int apologies, int absent, List<OrganisationCount> byOrganisation, List<Person> people) {

    public record OrganisationCount(String organisation, int expected, int present, int apologies) {
    }

    /** A member ({@code guest} false) or a guest of one or more items. */
    public record Person(String personId, String name, String title, String organisation, String role,
                         String attendance, boolean guest, String apologyReason, String leftEarly) {
    }
}
