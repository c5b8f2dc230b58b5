package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonPatch;

import dk.referent.it.Api.Response;

/**
 * A fund through the HTTP API (API.md "Funds"): contributions, a budget approved under a meeting item, a
 * proposal, a refusal that names both figures and changes nothing, an expenditure, the settlement, and the
 * dashboard moving live.
 */
abstract class FundFlowContract extends LiveContract {

    @Test
    void aFundIsKeptExactlyAndItsStatusMovesLive() throws Exception {
        Api api = api();
        Fixture f = committeeAndMeeting();
        Response fund = api.post("/api/funds", Map.of("committeeId", f.committeeId(), "name", "Klyngemidler"));
        assertThat(fund.status()).as(fund.toString()).isEqualTo(201);
        String fid = fund.id();
        String path = "/api/funds/" + fid;
        assertThat(api.post(path + "/contributions", Map.of("organisation", "Aalborg Kommune", "year", 2025,
                "amount", "600000")).status()).isEqualTo(200);
        assertThat(api.post(path + "/contributions", Map.of("organisation", "Aalborg Universitetshospital",
                "year", 2025, "amount", "400000.50")).status()).isEqualTo(200);

        try (LiveClient live = admin()) {
            BlockingQueue<JsonNode> feed = live.subscribe("/topic/funds/" + fid);
            JsonNode snapshot = live.snapshot("/app/funds/" + fid);
            assertThat(snapshot.path("totals").path("contributed").asText()).isEqualTo("1000000.50");

            Response budget = api.post(path + "/budgets", Map.of("project", "Udskrivningsterapeuter",
                    "amounts", List.of(Map.of("year", 2025, "amount", "300000")),
                    "responsibleOrganisation", "Aalborg Kommune",
                    "decision", Map.of("meetingId", f.meetingId(), "itemId", f.item2())));
            assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
            JsonNode message = feed.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.path("type").asText()).isEqualTo("BudgetApproved");
            assertThat(message.path("version").asLong()).isEqualTo(snapshot.path("version").asLong() + 1);
            JsonNode afterPatch = JsonPatch.apply(message.path("patch"), snapshot);
            assertThat(afterPatch).isEqualTo(api.get(path + "/status").json());
        }

        // the minutes of the approving item list the budget; the status links back to the decision
        JsonNode item2 = api.get("/api/meetings/" + f.meetingId() + "/minutes").json().path("items").get(1);
        assertThat(item2.path("budgets").get(0).path("project").asText()).isEqualTo("Udskrivningsterapeuter");
        assertThat(item2.path("budgets").get(0).path("total").asText()).isEqualTo("300000.00");

        // too little left: 409 naming both figures, nothing applied
        JsonNode before = api.get(path + "/status").json();
        Response tooMuch = api.post(path + "/budgets", Map.of("project", "For stort",
                "amounts", List.of(Map.of("year", 2025, "amount", "800000"))));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(tooMuch.json().path("detail").asText()).contains("700.000,50").contains("800.000,00");
        assertThat(api.get(path + "/status").json()).isEqualTo(before);
        Response badAmount = api.post(path + "/contributions", Map.of("organisation", "Aalborg Kommune",
                "year", 2025, "amount", "12.345"));
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(api.get(path + "/status").json()).isEqualTo(before);

        // a proposal shows "if approved"; an expenditure is spent and settled between the organisations
        Response proposal = api.post(path + "/budgets", Map.of("project", "Dosispakket medicin",
                "amounts", List.of(Map.of("year", 2025, "amount", "200000")), "proposed", true));
        assertThat(proposal.status()).isEqualTo(201);
        String budgetId = before.path("budgets").get(0).path("id").asText();
        Response spent = api.post(path + "/expenditures", Map.of("budgetId", budgetId,
                "organisation", "Aalborg Kommune", "year", 2025, "amount", "100000"));
        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);
        JsonNode status = api.get(path + "/status").json();
        JsonNode totals = status.path("totals");
        assertThat(totals.path("contributed").asText()).isEqualTo("1000000.50");
        assertThat(totals.path("committed").asText()).isEqualTo("300000.00");
        assertThat(totals.path("spent").asText()).isEqualTo("100000.00");
        assertThat(totals.path("remaining").asText()).isEqualTo("700000.50");
        assertThat(totals.path("proposed").asText()).isEqualTo("200000.00");
        assertThat(totals.path("remainingIfProposedApproved").asText()).isEqualTo("500000.50");
        // Aalborg Kommune paid 100.000 of spending split by contributions (600.000 : 400.000,50): the hospital
        // owes it its share, 100.000 × 400.000,50 / 1.000.000,50 = 40.000,03 (to the øre)
        JsonNode transfer = status.path("settlement").get(0).path("transfers").get(0);
        assertThat(transfer.path("from").asText()).isEqualTo("Aalborg Universitetshospital");
        assertThat(transfer.path("to").asText()).isEqualTo("Aalborg Kommune");
        assertThat(transfer.path("amount").asText()).isEqualTo("40000.03");
    }
}
