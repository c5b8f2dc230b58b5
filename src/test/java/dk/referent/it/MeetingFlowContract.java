package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dk.referent.it.Api.Response;

/**
 * A whole meeting through the HTTP API, as a secretary's script would run it, and the rules that make the record
 * trustworthy. Runs against the embedded store ({@link EmbeddedStoreTest}) and, where Docker exists, against a
 * real MongoDB ({@link MongoContainerTest}).
 */
abstract class MeetingFlowContract {

    abstract Api api();

    record Fixture(String committeeId, String chair, String member, String vacancy, String meetingId, String item1,
                   String item2, String closedItem) {
    }

    Fixture committeeAndMeeting() {
        Api api = api();
        Response c = api.post("/api/committees", Map.of("name", "Klyngestyregruppen Nord",
                "organisations", List.of("Aalborg Kommune", "Aalborg Universitetshospital")));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        assertThat(c.header("Location")).endsWith("/api/committees/" + c.id());
        String cid = c.id();
        String chair = api.post("/api/committees/" + cid + "/members", Map.of("name", "Mette Andreassen",
                "title", "direktør", "organisation", "Aalborg Kommune", "role", "CHAIR")).id();
        String member = api.post("/api/committees/" + cid + "/members", Map.of("name", "Jens Peter Nielsen",
                "title", "cheflæge", "organisation", "Aalborg Universitetshospital", "role", "MEMBER")).id();
        Map<String, Object> vacancyBody = new java.util.HashMap<>();
        vacancyBody.put("name", null);
        vacancyBody.put("title", "patientrepræsentant");
        vacancyBody.put("organisation", "Aalborg Kommune");
        vacancyBody.put("role", "MEMBER");
        Response vacancy = api.post("/api/committees/" + cid + "/members", vacancyBody);
        assertThat(vacancy.status()).as(vacancy.toString()).isEqualTo(201);

        Response m = api.post("/api/meetings", Map.of("committeeId", cid, "title", "Møde i klyngestyregruppen",
                "startsAt", "2024-10-04T11:00:00+02:00", "endsAt", "2024-10-04T14:00:00+02:00",
                "location", "Regionshuset Viborg", "mode", "HYBRID"));
        assertThat(m.status()).as(m.toString()).isEqualTo(201);
        String mid = m.id();
        Response i1 = api.post("/api/meetings/" + mid + "/agenda", Map.of("title", "Godkendelse af dagsorden",
                "kind", "DECISION", "visibility", "OPEN", "timeSlot", "11.00-11.05",
                "recommendations", List.of("At klyngestyregruppen godkender dagsordenen"),
                "caseDescription", "Dagsordenen blev udsendt en uge før mødet."));
        assertThat(i1.status()).as(i1.toString()).isEqualTo(201);
        assertThat(i1.json().path("number").asInt()).isEqualTo(1);
        Response i2 = api.post("/api/meetings/" + mid + "/agenda", Map.of("title", "Status på klyngemidler",
                "kind", "DECISION", "visibility", "OPEN",
                "attachments", List.of(Map.of("title", "Tabel 1", "url", "https://example.org/tabel1.pdf"))));
        Response i3 = api.post("/api/meetings/" + mid + "/agenda", Map.of("title", "Personalesag",
                "kind", "DISCUSSION", "visibility", "CLOSED"));
        assertThat(i3.json().path("number").asInt()).isEqualTo(3);
        return new Fixture(cid, chair, member, vacancy.id(), mid, i1.id(), i2.id(), i3.id());
    }

    @Test
    void aWholeMeetingIsRecordedAndReadableAsMinutes() {
        Api api = api();
        Fixture f = committeeAndMeeting();
        String mid = f.meetingId();

        // before the meeting: an apology, a guest, an item changed to an orientation item
        assertThat(api.post("/api/meetings/" + mid + "/apologies", Map.of("memberId", f.member(),
                "reason", "Ferie")).status()).isEqualTo(200);
        Response guest = api.post("/api/meetings/" + mid + "/guests", Map.of("name", "Steffen Hansen",
                "title", "forskningsassistent", "itemIds", List.of(f.item2())));
        assertThat(guest.status()).as(guest.toString()).isEqualTo(201);
        Response patched = api.patch("/api/meetings/" + mid + "/agenda/" + f.item2(), Map.of("kind", "ORIENTATION"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        JsonNode attendance = api.get("/api/meetings/" + mid + "/attendance").json();
        assertThat(attendance.path("expected").asInt()).isEqualTo(2); // the vacancy is not expected
        assertThat(attendance.path("apologies").asInt()).isEqualTo(1);

        assertThat(api.post("/api/meetings/" + mid + "/start", null).status()).isEqualTo(200);
        assertThat(api.put("/api/meetings/" + mid + "/attendance/" + f.chair(), Map.of("presence", "IN_ROOM"))
                .status()).isEqualTo(200);
        assertThat(api.put("/api/meetings/" + mid + "/attendance/" + guest.id(), Map.of("presence", "VIRTUAL"))
                .status()).isEqualTo(200);

        // decisions: a first text, a revision, a stale edit of another sentence merged, an overlapping one refused
        String decisionPath = "/api/meetings/" + mid + "/agenda/" + f.item1() + "/decision";
        Response r1 = api.put(decisionPath, Map.of("text", "Dagsordenen blev godkendt. Mødet startede til tiden.",
                "outcome", "APPROVED", "baseRevision", 0));
        assertThat(r1.status()).as(r1.toString()).isEqualTo(200);
        assertThat(r1.json().path("revision").asLong()).isEqualTo(1);
        Instant afterFirst = Instant.now();
        sleep(50);
        Response r2 = api.put(decisionPath, Map.of("text",
                "Dagsordenen blev godkendt uden bemærkninger. Mødet startede til tiden.", "outcome", "APPROVED",
                "baseRevision", 1));
        assertThat(r2.json().path("revision").asLong()).isEqualTo(2);
        Response merged = api.put(decisionPath, Map.of("text",
                "Dagsordenen blev godkendt. Mødet startede ti minutter forsinket.", "outcome", "APPROVED",
                "baseRevision", 1));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().path("revision").asLong()).isEqualTo(3);
        Response conflict = api.put(decisionPath, Map.of("text", "Dagsordenen blev udsat. Mødet startede til tiden.",
                "outcome", "POSTPONED", "baseRevision", 1));
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().path("current").path("revision").asLong()).isEqualTo(3);
        assertThat(conflict.json().path("current").path("text").asText())
                .isEqualTo("Dagsordenen blev godkendt uden bemærkninger. Mødet startede ti minutter forsinket.");

        Response action = api.post("/api/meetings/" + mid + "/agenda/" + f.item1() + "/actions",
                Map.of("description", "Udsend referat", "owner", "Sekretariatet", "due", "2024-10-11"));
        assertThat(action.status()).as(action.toString()).isEqualTo(201);

        JsonNode history = api.get(decisionPath + "/history").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("revision").asLong()).isEqualTo(1);
        assertThat(history.get(2).path("by").asText()).isEqualTo("admin");

        assertThat(api.post("/api/meetings/" + mid + "/close", null).status()).isEqualTo(200);
        Response late = api.post("/api/meetings/" + mid + "/apologies", Map.of("memberId", f.chair()));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);

        // the minutes as JSON
        JsonNode minutes = api.get("/api/meetings/" + mid + "/minutes").json();
        assertThat(minutes.path("status").asText()).isEqualTo("CLOSED");
        assertThat(minutes.path("committee").path("name").asText()).isEqualTo("Klyngestyregruppen Nord");
        assertThat(minutes.path("version").asLong()).isPositive();
        assertThat(minutes.path("items")).hasSize(3);
        JsonNode item1 = minutes.path("items").get(0);
        assertThat(item1.path("decision").path("revision").asLong()).isEqualTo(3);
        assertThat(item1.path("decision").path("by").asText()).isEqualTo("admin");
        assertThat(item1.path("actions").get(0).path("owner").asText()).isEqualTo("Sekretariatet");
        assertThat(minutes.path("items").get(1).path("kind").asText()).isEqualTo("ORIENTATION");
        assertThat(minutes.path("items").get(1).path("guests").get(0).path("name").asText()).isEqualTo("Steffen Hansen");
        assertThat(participant(minutes, f.member()).path("attendance").asText()).isEqualTo("APOLOGY");
        assertThat(participant(minutes, f.chair()).path("attendance").asText()).isEqualTo("IN_ROOM");

        // as it stood right after the first revision
        JsonNode then = api.get("/api/meetings/" + mid + "/minutes?asOf=" + afterFirst).json();
        assertThat(then.path("items").get(0).path("decision").path("text").asText())
                .isEqualTo("Dagsordenen blev godkendt. Mødet startede til tiden.");
        assertThat(then.path("status").asText()).isEqualTo("IN_PROGRESS");
        // every version stands at its own time and not a millisecond before; before the first, no meeting
        JsonNode feed = api.get("/api/meetings/" + mid + "/changes?since=0").json();
        assertThat(feed.size()).isEqualTo(minutes.path("version").asInt());
        for (JsonNode change : feed) {
            java.time.Instant at = java.time.Instant.parse(change.path("at").asText());
            assertThat(api.get("/api/meetings/" + mid + "/minutes?asOf=" + at).json().path("version").asLong())
                    .isGreaterThanOrEqualTo(change.path("version").asLong());
            Response before = api.get("/api/meetings/" + mid + "/minutes?asOf=" + at.minusMillis(1));
            if (change.path("version").asLong() == 1) {
                assertThat(before.status()).isEqualTo(404);
            } else {
                assertThat(before.json().path("version").asLong()).isLessThan(change.path("version").asLong());
            }
        }

        // as documents
        Response md = api.get("/api/meetings/" + mid + "/minutes.md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.body()).contains("## Punkt 1: Godkendelse af dagsorden", "### Indstilling",
                "### Sagsfremstilling", "### Beslutning for Punkt 1", "### Afbud", "Jens Peter Nielsen");
        Response html = api.get("/api/meetings/" + mid + "/minutes.html");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("<h2>Punkt 2: Status på klyngemidler");

        // approval locks the record; a correction needs a reason and is visible in verify
        Response approve = api.post("/api/meetings/" + mid + "/minutes/approve", null);
        assertThat(approve.status()).as(approve.toString()).isEqualTo(200);
        JsonNode verify = api.get("/api/meetings/" + mid + "/minutes/verify").json();
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("approvedDigest").asText()).hasSize(64);

        Response noReason = api.put(decisionPath, Map.of("text", "Dagsordenen blev godkendt.", "outcome", "APPROVED",
                "baseRevision", 3));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        Response correction = api.put(decisionPath, Map.of("text", "Dagsordenen blev godkendt.", "outcome",
                "APPROVED", "baseRevision", 3, "reason", "Fejl i referatet påpeget af formanden"));
        assertThat(correction.status()).as(correction.toString()).isEqualTo(200);
        verify = api.get("/api/meetings/" + mid + "/minutes/verify").json();
        assertThat(verify.path("intact").asBoolean()).isFalse();
        assertThat(verify.path("corrections")).hasSize(1);
        assertThat(verify.path("corrections").get(0).path("reason").asText())
                .isEqualTo("Fejl i referatet påpeget af formanden");

        // the audit: every event of the meeting, by whom
        JsonNode audit = api.get("/api/audit?aggregateId=" + mid).json();
        assertThat(audit.size()).isGreaterThan(10);
        assertThat(audit.get(0).path("type").asText()).isEqualTo("MeetingScheduled");
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(audit.findValuesAsText("type")).contains("DecisionRecorded", "MinutesApproved");

        // the read models equal a fresh fold of the log, also after rebuilding each of them
        assertConsistent();
        JsonNode before = api.get("/api/meetings/" + mid + "/minutes").json();
        for (String projection : List.of("minutes", "attendance", "decisions", "committee")) {
            Response rebuilt = api.post("/api/admin/projections/" + projection + "/rebuild", null);
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        }
        assertThat(api.get("/api/meetings/" + mid + "/minutes").json()).isEqualTo(before);
        assertConsistent();
    }

    @Test
    void refusedCommandsAnswerClearlyAndChangeNothing() {
        Api api = api();
        Fixture f = committeeAndMeeting();
        String mid = f.meetingId();
        long version = api.get("/api/meetings/" + mid + "/minutes").json().path("version").asLong();

        Response missing = api.post("/api/meetings/" + mid + "/agenda", Map.of("kind", "DECISION", "visibility", "OPEN"));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().path("errors").findValuesAsText("field")).as(missing.toString()).contains("title");

        Response badEnum = api.post("/api/meetings/" + mid + "/agenda", Map.of("title", "x", "kind", "VOTE",
                "visibility", "OPEN"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().path("errors").findValuesAsText("field")).contains("kind");

        Response malformed = api.post("/api/meetings/" + mid + "/agenda", "{\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception", "at dk.", "at org.");

        Response unknownMember = api.post("/api/meetings/" + mid + "/apologies", Map.of("memberId", "nobody"));
        assertThat(unknownMember.status()).isEqualTo(400);

        assertThat(api.get("/api/meetings/no-such-meeting/minutes").status()).isEqualTo(404);
        assertThat(api.post("/api/meetings/no-such-meeting/start", null).status()).isEqualTo(404);
        assertThat(api.post("/api/meetings/" + mid + "/close", null).status()).isEqualTo(409);

        Response futureBase = api.put("/api/meetings/" + mid + "/agenda/" + f.item1() + "/decision",
                Map.of("text", "x", "outcome", "APPROVED", "baseRevision", 5));
        assertThat(futureBase.status()).isEqualTo(400);

        assertThat(api.get("/api/meetings/" + mid + "/minutes").json().path("version").asLong()).isEqualTo(version);
        assertThat(api.as(null, null).get("/api/meetings/" + mid + "/minutes").status()).isEqualTo(401);
        assertThat(api.as("admin", "wrong").get("/api/meetings/" + mid + "/minutes").status()).isEqualTo(401);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyIsAppliedOnce() {
        Api api = api();
        Fixture f = committeeAndMeeting();
        String path = "/api/meetings/" + f.meetingId() + "/agenda";
        Map<String, Object> body = Map.of("title", "Evt.", "kind", "DISCUSSION", "visibility", "OPEN");
        Response first = api.post(path, body, Map.of("Idempotency-Key", "agenda-evt-1"));
        Response retry = api.post(path, body, Map.of("Idempotency-Key", "agenda-evt-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(api.get("/api/meetings/" + f.meetingId() + "/minutes").json().path("items")).hasSize(4);
        Response otherBody = api.post(path, Map.of("title", "Andet", "kind", "DISCUSSION", "visibility", "OPEN"),
                Map.of("Idempotency-Key", "agenda-evt-1"));
        assertThat(otherBody.status()).isEqualTo(422);
    }

    /**
     * A decision typed live is saved again and again: every save is in its history, oldest first, with the text it
     * had (the history is stored in pages of revisions; 60 saves span three); a rebuild from the log gives the same.
     * An edit made on the first revision, whose text the meeting no longer holds (it keeps the latest 50), is merged
     * with the text read from the log.
     */
    @Test
    void aDecisionSavedManyTimesKeepsEveryRevisionInItsHistory() {
        Api api = api();
        Fixture f = committeeAndMeeting();
        String decisionPath = "/api/meetings/" + f.meetingId() + "/agenda/" + f.item2() + "/decision";
        StringBuilder text = new StringBuilder("Klyngestyregruppen");
        for (int revision = 1; revision <= 60; revision++) {
            text.append(revision % 9 == 0 ? ". " : " ").append("ord").append(revision);
            Response saved = api.put(decisionPath, Map.of("text", text.toString(), "outcome", "APPROVED",
                    "baseRevision", revision - 1));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        }
        JsonNode history = api.get(decisionPath + "/history").json();
        assertThat(history).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(history.get(i).path("revision").asLong()).isEqualTo(i + 1);
        }
        assertThat(history.get(59).path("text").asText()).isEqualTo(text.toString());
        assertThat(history.get(0).path("text").asText()).isEqualTo("Klyngestyregruppen ord1");

        Response rebuilt = api.post("/api/admin/projections/decisions/rebuild", null);
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().path("applied").asInt()).as("events applied").isGreaterThanOrEqualTo(45);
        assertThat(api.get(decisionPath + "/history").json()).isEqualTo(history);

        Response stale = api.put(decisionPath, Map.of("text", "Styregruppen ord1", "outcome", "APPROVED",
                "baseRevision", 1));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
        assertThat(stale.json().path("revision").asLong()).isEqualTo(61);
        assertThat(api.get(decisionPath + "/history").json().get(60).path("text").asText())
                .isEqualTo(text.toString().replace("Klyngestyregruppen", "Styregruppen"));
        assertConsistent();
    }

    void assertConsistent() {
        JsonNode consistency = api().get("/api/admin/consistency").json();
        assertThat(consistency.path("consistent").asBoolean()).as(consistency.toString()).isTrue();
        assertThat(consistency.path("checked").asInt()).isPositive();
    }

    static JsonNode participant(JsonNode minutes, String personId) {
        for (JsonNode p : minutes.path("participants")) {
            if (p.path("personId").asText().equals(personId)) {
                return p;
            }
        }
        throw new AssertionError("no participant " + personId + " in " + minutes);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
