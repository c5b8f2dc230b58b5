package dk.referent.fundstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.fund.DemoFund;
import dk.referent.fund.api.ApproveBudget;
import dk.referent.fund.api.YearAmount;
import dk.referent.shared.RuleViolation;
import dk.referent.view.ViewStore;
import dk.referent.web.Commands;

/**
 * The whole path in the application: commands through Axon into the embedded MongoDB event store, the fund status
 * projected and stored with its version and change feed.
 */
@SpringBootTest
class FundStatusSpringTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("referent.data-dir", () -> "target/fundstatus-it-" + System.nanoTime());
        registry.add("referent.admin-password", () -> "test");
    }

    @Autowired
    Commands commands;
    @Autowired
    ViewStore views;

    @Test
    void seedFundIsProjectedAndStoredWithItsVersion() {
        List<Object> seed = DemoFund.commands("fund-it", "committee-it");
        seed.forEach(commands::send);

        ObjectNode status = views.json(FundStatusProjection.NAME, "fund-it", null).orElseThrow();
        assertThat(status.path("version").asLong()).isEqualTo(seed.size());
        assertThat(status.path("committeeId").asText()).isEqualTo("committee-it");
        assertThat(status.path("totals").path("committed").asText()).isEqualTo("4808000.00");
        assertThat(status.path("totals").path("remaining").asText()).isEqualTo("2082000.00");
        assertThat(status.path("totals").path("remainingIfProposedApproved").asText()).isEqualTo("982000.00");
        assertThat(views.idsWhere(FundStatusProjection.NAME, "committeeId", "committee-it")).containsExactly("fund-it");

        assertThatThrownBy(() -> commands.send(new ApproveBudget("fund-it", "too-much", "P",
                List.of(new YearAmount(2026, 250_000_000L)), null, null, null, false)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("The fund has 2.082.000,00 kr. left; the budget needs 2.500.000,00 kr.");
        assertThat(views.version(FundStatusProjection.NAME, "fund-it", null)).isEqualTo(seed.size());
    }
}
