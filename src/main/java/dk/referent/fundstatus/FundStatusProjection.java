package dk.referent.fundstatus;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.fund.api.FundEvent;
import dk.referent.security.Access;
import dk.referent.view.Projection;
import dk.referent.view.ViewLookup;

/** The fund status, one view per fund, folded from the fund's events alone (see {@link StatusFold}). */
@Component
@org.springframework.core.annotation.Order(15)
class FundStatusProjection implements Projection<FundStatus> {

    static final String NAME = "fundstatus";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FundStatus> viewClass() {
        return FundStatus.class;
    }

    @Override
    public Set<String> targets(EventMessage<?> event, ViewLookup views) {
        return event.getPayload() instanceof FundEvent e ? Set.of(e.fundId()) : Set.of();
    }

    @Override
    public FundStatus apply(String id, FundStatus current, EventMessage<?> event, ViewLookup views) {
        if (!(event.getPayload() instanceof FundEvent e)) {
            return current;
        }
        return StatusFold.of(id, current).apply(e).view();
    }

    @Override
    public Map<String, String> refs(FundStatus view) {
        return view.committeeId() == null ? Map.of() : Map.of("committeeId", view.committeeId());
    }

    /** Observers read the fund ("open"), but not which agenda item approved a budget: it may be a closed one. */
    @Override
    public Map<String, UnaryOperator<ObjectNode>> audiences() {
        return Map.of(Access.OPEN, FundStatusProjection::withoutDecisions);
    }

    static ObjectNode withoutDecisions(ObjectNode status) {
        for (JsonNode budget : status.path("budgets")) {
            if (budget instanceof ObjectNode b && b.has("decision")) {
                b.putNull("decision");
            }
        }
        return status;
    }

    @Override
    public String topic(String id) {
        return "/topic/funds/" + id;
    }
}
