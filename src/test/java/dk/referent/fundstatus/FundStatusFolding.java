package dk.referent.fundstatus;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;

/** Folds events into a fund status the way the view store does: one apply per event, starting from nothing. */
final class FundStatusFolding {

    private FundStatusFolding() {
    }

    static FundStatus fold(String fundId, List<? extends EventMessage<?>> events) {
        FundStatusProjection projection = new FundStatusProjection();
        FundStatus view = null;
        for (EventMessage<?> event : events) {
            if (projection.targets(event, null).contains(fundId)) {
                view = projection.apply(fundId, view, event, null);
            }
        }
        return view;
    }
}
