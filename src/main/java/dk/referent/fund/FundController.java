package dk.referent.fund;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.committee.CommitteeProjection;
import dk.referent.fund.api.AddContribution;
import dk.referent.fund.api.AdjustBudget;
import dk.referent.fund.api.ApproveBudget;
import dk.referent.fund.api.ApproveProposedBudget;
import dk.referent.fund.api.CloseBudget;
import dk.referent.fund.api.DecisionRef;
import dk.referent.fund.api.EstablishFund;
import dk.referent.fund.api.RecordExpenditure;
import dk.referent.fund.api.Share;
import dk.referent.fund.api.YearAmount;
import dk.referent.fundstatus.Funds;
import dk.referent.security.Access;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.Money;
import dk.referent.shared.NotFound;
import dk.referent.view.Change;
import dk.referent.view.ViewStore;
import dk.referent.web.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The Funds endpoints of API.md: request record → command → response. Amounts arrive as DKK strings or numbers
 * ({@link Money}); creating answers 201 with {@code {id, version}} and a Location, other commands 200 with
 * {@code {id, version}} where id is the fund and version the fund's new version (that of its status view).
 */
@RestController
class FundController {

    private final Commands commands;
    private final Funds funds;
    private final Access access;
    private final ViewStore views;

    FundController(Commands commands, Funds funds, Access access, ViewStore views) {
        this.commands = commands;
        this.funds = funds;
        this.access = access;
        this.views = views;
    }

    /** An amount in DKK as text: "12345678.90" and then some. */
    private static final int AMOUNT = 40;

    record NewFund(@NotBlank @Size(max = 200) String committeeId, @NotBlank @Size(max = 300) String name) {
    }

    record NewContribution(@NotBlank @Size(max = 200) String organisation,
                           @NotNull @Min(Fund.FIRST_YEAR) @Max(Fund.LAST_YEAR) Integer year,
                           @NotNull @Size(max = AMOUNT) String amount) {
    }

    record YearAmountBody(@NotNull @Min(Fund.FIRST_YEAR) @Max(Fund.LAST_YEAR) Integer year,
                          @NotNull @Size(max = AMOUNT) String amount) {
    }

    /** {@code share} within [0, 1] before anything adds it up: an exponent like 1e999999999 would not fit memory. */
    record ShareBody(@NotBlank @Size(max = 200) String organisation,
                     @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal share) {
    }

    record DecisionBody(@NotBlank @Size(max = 200) String meetingId, @NotBlank @Size(max = 200) String itemId) {
        DecisionRef ref() {
            return new DecisionRef(meetingId, itemId);
        }
    }

    record NewBudget(@NotBlank @Size(max = 500) String project,
                     @NotEmpty @Size(max = 50) List<@Valid @NotNull YearAmountBody> amounts,
                     @Size(max = 200) String responsibleOrganisation,
                     @Size(max = 50) List<@Valid @NotNull ShareBody> split,
                     @Valid DecisionBody decision, Boolean proposed) {
    }

    record Approval(@Valid DecisionBody decision) {
    }

    record Adjustment(@NotEmpty @Size(max = 50) List<@Valid @NotNull YearAmountBody> amounts,
                      @NotBlank @Size(max = 2000) String reason) {
    }

    record NewExpenditure(@NotBlank @Size(max = 200) String budgetId, @NotBlank @Size(max = 200) String organisation,
                          @NotNull @Min(Fund.FIRST_YEAR) @Max(Fund.LAST_YEAR) Integer year,
                          @NotNull @Size(max = AMOUNT) String amount,
                          @Size(max = 2000) String note) {
    }

    @PostMapping("/api/funds")
    ResponseEntity<Map<String, Object>> establish(@Valid @RequestBody NewFund body) {
        requireCommitteeForNewFund(body.committeeId());
        String fundId = UUID.randomUUID().toString();
        commands.send(new EstablishFund(fundId, body.committeeId(), body.name()));
        return created("/api/funds/" + fundId, answer(fundId, 1L));
    }

    /**
     * The hook for "the committee exists and the user may edit it": 404 for an unknown committee (checked here as
     * well, since Access lets the admin through without looking the committee up), 403 for anyone but its
     * secretaries.
     */
    private void requireCommitteeForNewFund(String committeeId) {
        if (views.json(CommitteeProjection.NAME, committeeId, null).isEmpty()) {
            throw new NotFound("No committee " + committeeId);
        }
        access.requireEdit(committeeId);
    }

    @GetMapping("/api/funds")
    List<Map<String, Object>> list(@RequestParam String committeeId) {
        access.requireRead(committeeId); // the rows carry no decision links
        List<Map<String, Object>> result = new ArrayList<>();
        for (String id : views.idsWhere(Funds.STATUS, "committeeId", committeeId)) {
            funds.find(id).ifPresent(status -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", id);
                row.put("committeeId", committeeId);
                row.put("name", status.path("name").asText());
                row.put("version", status.path("version").asLong());
                row.put("totals", status.path("totals"));
                result.add(row);
            });
        }
        result.sort((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))));
        return result;
    }

    @GetMapping({"/api/funds/{fid}", "/api/funds/{fid}/status"})
    ObjectNode status(@PathVariable String fid) {
        return funds.status(fid, funds.requireRead(fid));
    }

    @GetMapping("/api/funds/{fid}/changes")
    List<Change> changes(@PathVariable String fid, @RequestParam(defaultValue = "0") long since) {
        String audience = funds.requireRead(fid);
        if (since < 0) {
            throw new InvalidInput("since", "must be 0 or more");
        }
        return views.changesSince(Funds.STATUS, fid, audience, since);
    }

    @GetMapping("/api/funds/{fid}/budgets/{bid}")
    JsonNode budget(@PathVariable String fid, @PathVariable String bid) {
        for (JsonNode budget : funds.status(fid, funds.requireRead(fid)).path("budgets")) {
            if (bid.equals(budget.path("id").asText())) {
                return budget;
            }
        }
        throw new NotFound("The fund has no budget " + bid);
    }

    @PostMapping("/api/funds/{fid}/contributions")
    Map<String, Object> contribute(@PathVariable String fid, @Valid @RequestBody NewContribution body) {
        funds.requireEdit(fid);
        String contributionId = UUID.randomUUID().toString();
        Long version = commands.send(new AddContribution(fid, contributionId, body.organisation(), body.year(),
                Money.parsePositive("amount", body.amount())));
        Map<String, Object> answer = answer(fid, version);
        answer.put("contributionId", contributionId);
        return answer;
    }

    @PostMapping("/api/funds/{fid}/budgets")
    ResponseEntity<Map<String, Object>> budget(@PathVariable String fid, @Valid @RequestBody NewBudget body) {
        funds.requireEdit(fid);
        String budgetId = UUID.randomUUID().toString();
        List<Share> split = body.split() == null ? null
                : body.split().stream().map(s -> new Share(s.organisation(), s.share())).toList();
        Long version = commands.send(new ApproveBudget(fid, budgetId, body.project(),
                amounts(body.amounts(), false), body.responsibleOrganisation(), split,
                body.decision() == null ? null : body.decision().ref(), Boolean.TRUE.equals(body.proposed())));
        Map<String, Object> answer = answer(budgetId, version);
        answer.put("fundId", fid);
        return created("/api/funds/" + fid + "/budgets/" + budgetId, answer);
    }

    @PostMapping("/api/funds/{fid}/budgets/{bid}/approve")
    Map<String, Object> approve(@PathVariable String fid, @PathVariable String bid,
                                @Valid @RequestBody(required = false) Approval body) {
        funds.requireEdit(fid);
        DecisionRef decision = body == null || body.decision() == null ? null : body.decision().ref();
        return budgetAnswer(fid, bid, commands.send(new ApproveProposedBudget(fid, bid, decision)));
    }

    @PostMapping("/api/funds/{fid}/budgets/{bid}/adjustments")
    Map<String, Object> adjust(@PathVariable String fid, @PathVariable String bid,
                               @Valid @RequestBody Adjustment body) {
        funds.requireEdit(fid);
        return budgetAnswer(fid, bid,
                commands.send(new AdjustBudget(fid, bid, amounts(body.amounts(), true), body.reason())));
    }

    @PostMapping("/api/funds/{fid}/budgets/{bid}/close")
    Map<String, Object> close(@PathVariable String fid, @PathVariable String bid) {
        funds.requireEdit(fid);
        return budgetAnswer(fid, bid, commands.send(new CloseBudget(fid, bid)));
    }

    @PostMapping("/api/funds/{fid}/expenditures")
    ResponseEntity<Map<String, Object>> spend(@PathVariable String fid, @Valid @RequestBody NewExpenditure body) {
        funds.requireEdit(fid);
        String expenditureId = UUID.randomUUID().toString();
        Long version = commands.send(new RecordExpenditure(fid, expenditureId, body.budgetId(), body.organisation(),
                body.year(), Money.parsePositive("amount", body.amount()), body.note()));
        Map<String, Object> answer = answer(expenditureId, version);
        answer.put("fundId", fid);
        return created("/api/funds/" + fid + "/expenditures/" + expenditureId, answer);
    }

    private static List<YearAmount> amounts(List<YearAmountBody> amounts, boolean signed) {
        List<YearAmount> result = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            YearAmountBody a = amounts.get(i);
            String field = "amounts[" + i + "].amount";
            result.add(new YearAmount(a.year(),
                    signed ? Money.parseSigned(field, a.amount()) : Money.parse(field, a.amount())));
        }
        return result;
    }

    private static Map<String, Object> answer(String id, Long version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("version", version);
        return answer;
    }

    private static Map<String, Object> budgetAnswer(String fundId, String budgetId, Long version) {
        Map<String, Object> answer = answer(fundId, version);
        answer.put("budgetId", budgetId);
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> created(String location, Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location)).body(body);
    }
}
