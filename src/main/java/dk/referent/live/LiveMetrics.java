package dk.referent.live;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import dk.referent.view.Change;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * referent_live_push_seconds: from the event's time to the live message written to every subscriber's session (simple
 * broker) or handed to the broker relay.
 */
@Component
class LiveMetrics {

    private final Timer push;
    private final Clock clock;

    LiveMetrics(MeterRegistry registry, Clock clock) {
        this.push = Timer.builder("referent.live.push").description("event time to live message sent")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.clock = clock;
    }

    void pushed(Change change) {
        push.record(Duration.between(change.at(), clock.instant()));
    }
}
