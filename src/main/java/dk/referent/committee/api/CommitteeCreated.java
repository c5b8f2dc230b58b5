package dk.referent.committee.api;

import java.util.List;

public record CommitteeCreated(String committeeId, String name, List<String> organisations) {
}
