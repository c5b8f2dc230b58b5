package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.referent.it.Api.Response;

/**
 * Who may do what, over a real socket: every endpoint of API.md (and the extensions) × {anonymous, admin,
 * secretary, member, observer, a user of another committee} → the expected status. A refused request must
 * change nothing; an allowed write runs against a fresh committee, meeting and fund so that each one meets the
 * state it needs. Observers must not reach a closed item through any read path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest implements EmbeddedApp {

    enum Role { ANONYMOUS, ADMIN, SECRETARY, MEMBER, OBSERVER, STRANGER }

    static final String SECRET = "matrix-secret";

    @LocalServerPort
    int port;

    final String run = Long.toString(System.nanoTime(), 36);
    final Map<Role, String> usernames = new EnumMap<>(Role.class);
    World shared;

    /** A committee with a meeting (an open item, a closed one with a guest of its own) and a fund. */
    record World(String committee, String chair, String member, String meeting, String openItem, String closedItem,
                 String closedGuest, String openGuest, String fund, String budget, String proposedBudget,
                 String closedBudget, String action) {
    }

    Api admin() {
        return new Api("http://localhost:" + port, "admin", PASSWORD);
    }

    Api as(Role role) {
        return switch (role) {
            case ANONYMOUS -> admin().as(null, null);
            case ADMIN -> admin();
            default -> admin().as(usernames.get(role), SECRET);
        };
    }

    @BeforeAll
    void users() {
        for (Role r : List.of(Role.SECRETARY, Role.MEMBER, Role.OBSERVER, Role.STRANGER)) {
            String name = r.name().toLowerCase() + "-" + run;
            usernames.put(r, name);
            ok(admin().post("/api/users", Map.of("username", name, "displayName", r.name(), "password", SECRET)));
        }
        // the stranger is the secretary of another committee
        String other = ok(admin().post("/api/committees", Map.of("name", "Anden styregruppe",
                "organisations", List.of("Region Nord")))).id();
        ok(admin().put("/api/committees/" + other + "/access/" + usernames.get(Role.STRANGER),
                Map.of("role", "SECRETARY")));
        shared = world();
    }

    World world() {
        Api a = admin();
        String c = ok(a.post("/api/committees", Map.of("name", "Klyngestyregruppen " + run,
                "organisations", List.of("Aalborg Kommune", "Aalborg Universitetshospital")))).id();
        ok(a.put("/api/committees/" + c + "/access/" + usernames.get(Role.SECRETARY), Map.of("role", "SECRETARY")));
        ok(a.put("/api/committees/" + c + "/access/" + usernames.get(Role.MEMBER), Map.of("role", "MEMBER")));
        ok(a.put("/api/committees/" + c + "/access/" + usernames.get(Role.OBSERVER), Map.of("role", "OBSERVER")));
        String chair = ok(a.post("/api/committees/" + c + "/members", Map.of("name", "Mette Andreassen",
                "title", "direktør", "organisation", "Aalborg Kommune", "role", "CHAIR"))).id();
        String member = ok(a.post("/api/committees/" + c + "/members", Map.of("name", "Jens Peter Nielsen",
                "title", "cheflæge", "organisation", "Aalborg Universitetshospital", "role", "MEMBER"))).id();
        return withFund(withMeeting(new World(c, chair, member, null, null, null, null, null, null, null, null,
                null, null)), true);
    }

    /** A new meeting in the world's committee: an open item with a guest and an action, a closed one likewise. */
    World withMeeting(World w) {
        Api a = admin();
        String m = ok(a.post("/api/meetings", Map.of("committeeId", w.committee(), "title", "Møde",
                "startsAt", "2024-10-04T11:00:00+02:00", "endsAt", "2024-10-04T14:00:00+02:00",
                "location", "Regionshuset", "mode", "HYBRID"))).id();
        String open = ok(a.post("/api/meetings/" + m + "/agenda", Map.of("title", "Godkendelse af dagsorden",
                "kind", "DECISION", "visibility", "OPEN"))).id();
        String closed = ok(a.post("/api/meetings/" + m + "/agenda", Map.of("title", "Personalesag Hemmelig",
                "kind", "DECISION", "visibility", "CLOSED", "caseDescription", "Fortrolig sagsfremstilling"))).id();
        String closedGuest = ok(a.post("/api/meetings/" + m + "/guests", Map.of("name", "Hemmelig Advokat",
                "organisation", "Advokatfirmaet Skjult", "itemIds", List.of(closed)))).id();
        String openGuest = ok(a.post("/api/meetings/" + m + "/guests", Map.of("name", "Åben Gæst",
                "itemIds", List.of(open)))).id();
        ok(a.put("/api/meetings/" + m + "/agenda/" + closed + "/decision", Map.of("text", "Fortroligt forlig",
                "outcome", "APPROVED", "baseRevision", 0)));
        String action = ok(a.post("/api/meetings/" + m + "/agenda/" + open + "/actions",
                Map.of("description", "Udsend referat", "owner", "Sekretariatet"))).id();
        return new World(w.committee(), w.chair(), w.member(), m, open, closed, closedGuest, openGuest, w.fund(),
                w.budget(), w.proposedBudget(), w.closedBudget(), action);
    }

    /** A new fund in the world's committee with a budget, a proposed one and (linked) one approved under the closed item. */
    World withFund(World w, boolean linked) {
        Api a = admin();
        String f = ok(a.post("/api/funds", Map.of("committeeId", w.committee(), "name", "Klyngemidler"))).id();
        ok(a.post("/api/funds/" + f + "/contributions", Map.of("organisation", "Aalborg Kommune", "year", 2024,
                "amount", "1000000")));
        Map<String, Object> budget = new HashMap<>(Map.of("project", "Fælles projekt",
                "amounts", List.of(Map.of("year", 2024, "amount", "100000"))));
        if (linked) {
            budget.put("decision", Map.of("meetingId", w.meeting(), "itemId", w.openItem()));
        }
        String bid = ok(a.post("/api/funds/" + f + "/budgets", budget)).id();
        String proposed = ok(a.post("/api/funds/" + f + "/budgets", Map.of("project", "Forslag",
                "amounts", List.of(Map.of("year", 2024, "amount", "50000")), "proposed", true))).id();
        String closedBudget = null;
        if (linked) {
            closedBudget = ok(a.post("/api/funds/" + f + "/budgets", Map.of("project", "Fratrædelse",
                    "amounts", List.of(Map.of("year", 2024, "amount", "70000")),
                    "decision", Map.of("meetingId", w.meeting(), "itemId", w.closedItem())))).id();
        }
        return new World(w.committee(), w.chair(), w.member(), w.meeting(), w.openItem(), w.closedItem(),
                w.closedGuest(), w.openGuest(), f, bid, proposed, closedBudget, w.action());
    }

    static Response ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }

    // the matrix

    /**
     * One endpoint: how to call it on a world, who may. An allowed write runs on a scratch world, or, when it
     * has something to {@code prepare} (or can be done only once), on a fresh world prepared for it as admin.
     */
    record Endpoint(String method, Function<World, String> path, Function<World, Object> body, boolean write,
                    Consumer<World> prepare, Map<Role, Integer> expected) {

        boolean fresh() {
            return prepare != null;
        }

        String describe(World w) {
            return method + " " + path.apply(w);
        }
    }

    static final Map<Role, Integer> ANYONE = statuses(200, 200, 200, 200, 200);
    static final Map<Role, Integer> READERS = statuses(200, 200, 200, 200, 403);
    static final Map<Role, Integer> EDITORS = statuses(200, 200, 403, 403, 403);
    static final Map<Role, Integer> ADMIN_ONLY = statuses(200, 403, 403, 403, 403);

    /** Statuses for admin, secretary, member, observer, stranger; anonymous always gets 401. */
    static Map<Role, Integer> statuses(int admin, int secretary, int member, int observer, int stranger) {
        Map<Role, Integer> m = new EnumMap<>(Role.class);
        m.put(Role.ANONYMOUS, 401);
        m.put(Role.ADMIN, admin);
        m.put(Role.SECRETARY, secretary);
        m.put(Role.MEMBER, member);
        m.put(Role.OBSERVER, observer);
        m.put(Role.STRANGER, stranger);
        return m;
    }

    static Map<Role, Integer> created(Map<Role, Integer> base) {
        Map<Role, Integer> m = new EnumMap<>(base);
        m.replaceAll((r, s) -> s == 200 ? 201 : s);
        return m;
    }

    static Endpoint read(String path, Map<Role, Integer> expected) {
        return new Endpoint("GET", w -> expand(path, w), w -> null, false, null, expected);
    }

    static Endpoint write(String method, String path, Function<World, Object> body, Consumer<World> prepare,
                          Map<Role, Integer> expected) {
        return new Endpoint(method, w -> expand(path, w), body, true, prepare, expected);
    }

    static String expand(String path, World w) {
        return path.replace("{cid}", w.committee()).replace("{mid}", w.meeting()).replace("{open}", w.openItem())
                .replace("{closed}", w.closedItem()).replace("{fid}", w.fund()).replace("{bid}", w.budget())
                .replace("{proposed}", w.proposedBudget()).replace("{chair}", w.chair())
                .replace("{member}", w.member()).replace("{aid}", w.action());
    }

    List<Endpoint> endpoints() {
        Consumer<World> none = null;
        Consumer<World> once = w -> { };
        Consumer<World> started = w -> ok(admin().post("/api/meetings/" + w.meeting() + "/start", null));
        Consumer<World> closed = started.andThen(w -> ok(admin().post("/api/meetings/" + w.meeting() + "/close", null)));
        Consumer<World> apology = w -> ok(admin().post("/api/meetings/" + w.meeting() + "/apologies",
                Map.of("memberId", w.member())));
        String spare = usernames.get(Role.STRANGER);
        List<Endpoint> e = new ArrayList<>();
        // users and operations
        e.add(read("/api/me", ANYONE));
        e.add(write("POST", "/api/users", w -> Map.of("username", "new-" + System.nanoTime(), "displayName", "Ny",
                "password", "a-long-password"), none, created(ADMIN_ONLY)));
        e.add(read("/api/admin/consistency", ADMIN_ONLY));
        e.add(write("POST", "/api/admin/projections/attendance/rebuild", w -> null, none, ADMIN_ONLY));
        e.add(read("/api/audit", ADMIN_ONLY));
        e.add(read("/api/audit?aggregateId={mid}", READERS));
        e.add(read("/api/audit?aggregateId={cid}", READERS));
        e.add(read("/api/audit?aggregateId={fid}", READERS));
        // committees
        e.add(read("/api/committees", ANYONE));
        e.add(read("/api/committees/{cid}", READERS));
        e.add(write("POST", "/api/committees", w -> Map.of("name", "Ny", "organisations", List.of("A")), none,
                created(ANYONE)));
        e.add(write("POST", "/api/committees/{cid}/members", w -> Map.of("name", "Ny", "organisation",
                "Aalborg Kommune", "role", "MEMBER"), none, created(EDITORS)));
        e.add(write("POST", "/api/committees/{cid}/organisations", w -> Map.of("organisation", "Ny kommune"), none,
                EDITORS));
        e.add(write("PUT", "/api/committees/{cid}/access/" + spare, w -> Map.of("role", "OBSERVER"), none, EDITORS));
        // meetings
        e.add(read("/api/meetings?committeeId={cid}", READERS));
        e.add(write("POST", "/api/meetings", w -> Map.of("committeeId", w.committee(), "title", "Nyt møde",
                "startsAt", "2024-11-04T11:00:00+01:00", "mode", "VIRTUAL"), none, created(EDITORS)));
        e.add(write("POST", "/api/meetings/{mid}/agenda", w -> Map.of("title", "Evt.", "kind", "DISCUSSION",
                "visibility", "OPEN"), none, created(EDITORS)));
        e.add(write("PATCH", "/api/meetings/{mid}/agenda/{open}", w -> Map.of("kind", "ORIENTATION"), none, EDITORS));
        e.add(write("POST", "/api/meetings/{mid}/guests", w -> Map.of("name", "Gæst", "itemIds",
                List.of(w.openItem())), none, created(EDITORS)));
        e.add(write("POST", "/api/meetings/{mid}/apologies", w -> Map.of("memberId", w.member()), once, EDITORS));
        e.add(write("DELETE", "/api/meetings/{mid}/apologies/{member}", w -> null, apology, EDITORS));
        e.add(write("PUT", "/api/meetings/{mid}/attendance/{chair}", w -> Map.of("presence", "IN_ROOM"), started,
                EDITORS));
        e.add(write("POST", "/api/meetings/{mid}/departures", w -> Map.of("personId", w.chair()), started, EDITORS));
        e.add(write("POST", "/api/meetings/{mid}/start", w -> null, once, EDITORS));
        e.add(write("POST", "/api/meetings/{mid}/close", w -> null, started, EDITORS));
        e.add(write("PUT", "/api/meetings/{mid}/agenda/{open}/decision", w -> Map.of("text", "Godkendt.",
                "outcome", "APPROVED", "baseRevision", 0), once, EDITORS));
        e.add(write("POST", "/api/meetings/{mid}/agenda/{open}/actions", w -> Map.of("description", "Følg op",
                "owner", "Sekretariatet"), none, created(EDITORS)));
        e.add(write("PATCH", "/api/meetings/{mid}/actions/{aid}", w -> Map.of("status", "DONE"), none, EDITORS));
        e.add(write("POST", "/api/meetings/{mid}/minutes/approve", w -> null, closed, EDITORS));
        e.add(read("/api/meetings/{mid}/minutes", READERS));
        e.add(read("/api/meetings/{mid}/minutes?asOf=2100-01-01T00:00:00Z", READERS));
        e.add(read("/api/meetings/{mid}/minutes.md", READERS));
        e.add(read("/api/meetings/{mid}/minutes.html", READERS));
        e.add(read("/api/meetings/{mid}/minutes/verify", READERS));
        e.add(read("/api/meetings/{mid}/changes?since=0", READERS));
        e.add(read("/api/meetings/{mid}/attendance", READERS));
        e.add(read("/api/meetings/{mid}/agenda/{open}/decision/history", READERS));
        e.add(read("/api/meetings/{mid}/agenda/{closed}/decision/history", statuses(200, 200, 200, 404, 403)));
        // funds
        e.add(read("/api/funds?committeeId={cid}", READERS));
        e.add(read("/api/funds/{fid}", READERS));
        e.add(read("/api/funds/{fid}/status", READERS));
        e.add(read("/api/funds/{fid}/changes?since=0", READERS));
        e.add(read("/api/funds/{fid}/budgets/{bid}", READERS));
        e.add(write("POST", "/api/funds", w -> Map.of("committeeId", w.committee(), "name", "Stomimidler"), none,
                created(EDITORS)));
        e.add(write("POST", "/api/funds/{fid}/contributions", w -> Map.of("organisation", "Aalborg Kommune",
                "year", 2025, "amount", "1000"), none, EDITORS));
        e.add(write("POST", "/api/funds/{fid}/budgets", w -> Map.of("project", "Nyt projekt",
                "amounts", List.of(Map.of("year", 2024, "amount", "1000"))), none, created(EDITORS)));
        e.add(write("POST", "/api/funds/{fid}/budgets/{proposed}/approve", w -> null, once, EDITORS));
        e.add(write("POST", "/api/funds/{fid}/budgets/{bid}/adjustments", w -> Map.of("amounts",
                List.of(Map.of("year", 2024, "amount", "-1000")), "reason", "Mindre end ventet"), none, EDITORS));
        e.add(write("POST", "/api/funds/{fid}/expenditures", w -> Map.of("budgetId", w.budget(), "organisation",
                "Aalborg Kommune", "year", 2024, "amount", "500"), none, created(EDITORS)));
        e.add(write("POST", "/api/funds/{fid}/budgets/{bid}/close", w -> null, once, EDITORS));
        return e;
    }

    @Test
    void everyEndpointAnswersEachKindOfUserAsExpected() {
        List<String> wrong = new ArrayList<>();
        Map<String, Long> before = versions(shared);
        World scratch = world();
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                int expected = endpoint.expected().get(role);
                boolean allowed = expected < 300;
                World w = shared;
                if (endpoint.write() && allowed && endpoint.fresh()) {
                    // a new meeting or fund beside the shared ones (in the same committee)
                    w = endpoint.method().equals("POST") && endpoint.describe(shared).startsWith("POST /api/funds/")
                            ? withFund(shared, false) : withMeeting(shared);
                    endpoint.prepare().accept(w);
                } else if (endpoint.write() && allowed) {
                    w = scratch;
                }
                Response r = as(role).send(endpoint.method(), endpoint.path().apply(w), endpoint.body().apply(w),
                        Map.of());
                if (r.status() != expected) {
                    wrong.add(endpoint.describe(w) + " as " + role + ": expected " + expected + ", got " + r);
                } else if (!allowed) {
                    assertThat(r.header("Content-Type")).as(endpoint.describe(w)).startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(versions(shared)).as("refused requests changed nothing").isEqualTo(before);
    }

    @Test
    void unknownIdsAre404ForAnyoneLoggedInAnd401ForStrangers() {
        for (String path : List.of("/api/committees/nope", "/api/meetings/nope/minutes", "/api/meetings/nope/attendance",
                "/api/funds/nope", "/api/meetings?committeeId=nope", "/api/funds?committeeId=nope")) {
            assertThat(as(Role.SECRETARY).get(path).status()).as(path).isEqualTo(404);
            assertThat(as(Role.ANONYMOUS).get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void withoutAnIdentityProviderConfiguredThereIsNoSingleSignOn() {
        Response r = as(Role.ANONYMOUS).get("/oauth2/authorization/region");
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
    }

    @Test
    void theCommitteeListShowsOnlyOnesOwnCommittees() {
        JsonNode mine = as(Role.STRANGER).get("/api/committees").json();
        assertThat(mine.findValuesAsText("id")).doesNotContain(shared.committee());
        assertThat(as(Role.OBSERVER).get("/api/committees").json().findValuesAsText("id"))
                .contains(shared.committee());
    }

    /** Every read path an observer has into the meeting and the fund, none of which may show the closed item. */
    @Test
    void observersReachNoClosedItemOnAnyPath() {
        World w = shared;
        Api observer = as(Role.OBSERVER);
        Api member = as(Role.MEMBER);
        List<String> paths = List.of("/api/meetings/{mid}/minutes", "/api/meetings/{mid}/minutes?asOf=2100-01-01T00:00:00Z",
                "/api/meetings/{mid}/minutes.md", "/api/meetings/{mid}/minutes.html", "/api/meetings/{mid}/changes?since=0",
                "/api/meetings/{mid}/minutes/verify", "/api/meetings/{mid}/attendance", "/api/audit?aggregateId={mid}",
                "/api/audit?aggregateId={fid}", "/api/audit?aggregateId={cid}", "/api/funds/{fid}", "/api/funds/{fid}/status",
                "/api/funds/{fid}/changes?since=0", "/api/funds/{fid}/budgets/" + w.closedBudget(),
                "/api/funds?committeeId={cid}", "/api/meetings?committeeId={cid}");
        List<String> secrets = List.of(w.closedItem(), w.closedGuest(), "Hemmelig", "Fortrolig", "Skjult");
        for (String p : paths) {
            String path = expand(p, w);
            Response r = observer.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            for (String secret : secrets) {
                assertThat(r.body()).as(path + " shows " + secret).doesNotContain(secret);
            }
        }
        // the member sees them (so the paths above do carry the closed item for those who may read it)
        assertThat(member.get(expand("/api/meetings/{mid}/attendance", w)).body()).contains("Hemmelig Advokat");
        assertThat(member.get(expand("/api/audit?aggregateId={mid}", w)).body()).contains(w.closedItem());
        assertThat(member.get(expand("/api/funds/{fid}/status", w)).body()).contains(w.closedItem());
        // the open guest and budget are still there for the observer
        assertThat(observer.get(expand("/api/meetings/{mid}/attendance", w)).body()).contains("Åben Gæst");
        assertThat(observer.get(expand("/api/funds/{fid}/status", w)).body()).contains("Fratrædelse", "Fælles projekt");
    }

    /** An item closed after the fact (it should never have been open) is closed in the minutes of the past too. */
    @Test
    void anItemClosedLaterIsClosedInThePastForObservers() throws InterruptedException {
        World w = withMeeting(shared);
        String item = ok(admin().post("/api/meetings/" + w.meeting() + "/agenda", Map.of("title", "Navngiven medarbejder",
                "kind", "DISCUSSION", "visibility", "OPEN"))).id();
        Thread.sleep(20);
        String before = java.time.Instant.now().toString();
        Thread.sleep(20);
        ok(admin().patch("/api/meetings/" + w.meeting() + "/agenda/" + item, Map.of("visibility", "CLOSED")));
        Api observer = as(Role.OBSERVER);
        for (String doc : List.of("/minutes", "/minutes.md", "/minutes.html")) {
            String path = "/api/meetings/" + w.meeting() + doc + "?asOf=" + before;
            assertThat(observer.get(path).body()).as(path).doesNotContain("Navngiven").contains("Godkendelse af dagsorden");
            assertThat(as(Role.MEMBER).get(path).body()).as(path).contains("Navngiven");
        }
    }

    Map<String, Long> versions(World w) {
        Map<String, Long> v = new HashMap<>();
        Api a = admin();
        v.put("minutes", a.get("/api/meetings/" + w.meeting() + "/minutes").json().path("version").asLong());
        v.put("attendance", a.get("/api/meetings/" + w.meeting() + "/attendance").json().path("version").asLong());
        v.put("fund", a.get("/api/funds/" + w.fund()).json().path("version").asLong());
        v.put("committee", a.get("/api/committees/" + w.committee()).json().path("version").asLong());
        v.put("audit", (long) a.get("/api/audit?aggregateId=" + w.meeting()).json().size());
        return v;
    }
}
