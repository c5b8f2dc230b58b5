package dk.referent.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import dk.referent.fund.DemoFund;
import dk.referent.fund.api.ApproveBudget;
import dk.referent.fund.api.DecisionRef;

/**
 * With REFERENT_DEMO=true and an empty store, loads the demo through the same commands a user would send: the
 * Midtklyngen committee and its meeting of 4 October 2024 (seed 000) and the cluster fund of its Punkt 8,
 * whose dosispakket-medicin proposal is linked to Punkt 6.
 */
@Component
class DemoLoader {

    static final String FUND_ID = "midtklyngen-klyngemidler";
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final CommandGateway commands;
    private final MongoDatabase db;
    private final boolean enabled;

    DemoLoader(CommandGateway commands, MongoDatabase db, @Value("${referent.demo:false}") boolean enabled) {
        this.commands = commands;
        this.db = db;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        if (!enabled) {
            return;
        }
        if (db.getCollection("domainevents").countDocuments() > 0) {
            log.info("demo not loaded: the store is not empty");
            return;
        }
        List<Object> all = new ArrayList<>(DemoMeeting.commands());
        for (Object c : DemoFund.commands(FUND_ID, DemoMeeting.COMMITTEE_ID)) {
            all.add(linkDecision(c));
        }
        for (Object c : all) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(c).andMetaData(Map.of("actor", "demo")));
        }
        log.info("demo loaded: committee {}, meeting {}, fund {} ({} commands)", DemoMeeting.COMMITTEE_ID,
                DemoMeeting.MEETING_ID, FUND_ID, all.size());
    }

    private static Object linkDecision(Object command) {
        if (command instanceof ApproveBudget b && b.decision() == null && b.budgetId().equals("dosispakket-medicin")) {
            return new ApproveBudget(b.fundId(), b.budgetId(), b.project(), b.amounts(), b.responsibleOrganisation(),
                    b.split(), new DecisionRef(DemoMeeting.MEETING_ID, DemoMeeting.itemId(6)), b.proposed());
        }
        return command;
    }
}
