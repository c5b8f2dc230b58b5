package dk.referent.shared;

import java.util.function.Function;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Asking an aggregate a question outside a command (a controller that needs the current agenda item, a member of
 * a committee): the aggregate is loaded from its events in a unit of work of its own, which applies nothing.
 */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * The answer of aggregate {@code id} to {@code query}.
     *
     * @param what names the aggregate in the NotFound message ("meeting", "committee")
     * @throws NotFound when there is no aggregate with that id
     */
    public static <T, R> R read(Repository<T> repository, String id, String what, Function<? super T, R> query) {
        if (id == null || id.isBlank()) {
            throw new NotFound("No such " + what + ": " + id);
        }
        ResultMessage<R> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> repository.load(id).invoke(query::apply));
        if (!result.isExceptional()) {
            return result.getPayload();
        }
        Throwable failure = result.exceptionResult();
        if (failure instanceof AggregateNotFoundException || failure instanceof IncompatibleAggregateException) {
            // IncompatibleAggregateException: the id names another kind of aggregate
            throw new NotFound("No such " + what + ": " + id);
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("Could not load " + what + " " + id, failure);
    }
}
