package dk.referent.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Committees, meetings, agenda items and decisions through the HTTP API, as a script would send them. */
final class Domain {

    final Http api;
    String committeeId;

    Domain(Http api) {
        this.api = api;
    }

    void committee() {
        committeeId = api.post("/api/committees", Map.of("name", "Benchmark-styregruppen",
                "organisations", java.util.List.of("Region Midtjylland", "Viborg Kommune", "Hospitalsenhed Midt")))
                .path("id").asText();
    }

    String meeting(String title) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("committeeId", committeeId);
        b.put("title", title);
        b.put("startsAt", "2024-10-04T11:00:00+02:00");
        b.put("endsAt", "2024-10-04T14:00:00+02:00");
        b.put("location", "Regionshuset Viborg");
        b.put("mode", "HYBRID");
        return api.post("/api/meetings", b).path("id").asText();
    }

    String item(String meetingId, String title) {
        return api.post("/api/meetings/" + meetingId + "/agenda",
                Map.of("title", title, "kind", "DECISION", "visibility", "OPEN")).path("id").asText();
    }

    /** Records a decision on top of {@code base}; returns the new revision. */
    long decide(String meetingId, String itemId, String text, long base) {
        return api.put("/api/meetings/" + meetingId + "/agenda/" + itemId + "/decision",
                Map.of("text", text, "outcome", "APPROVED", "baseRevision", base)).path("revision").asLong();
    }

    /** A decision text of about 200 characters, different for every revision. */
    static String text(long revision, String marker) {
        return "Styregruppen godkendte indstillingen med de bemærkninger, der fremkom på mødet. Sekretariatet "
                + "udarbejder en revideret projektbeskrivelse til næste møde. Revision " + revision + " " + marker;
    }
}
