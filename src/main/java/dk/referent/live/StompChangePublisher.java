package dk.referent.live;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import dk.referent.view.Change;
import dk.referent.view.ChangePublisher;

/**
 * Sends each stored change to its topic: the full feed on the view's topic, an audience variant (observers'
 * "open" minutes) on the topic plus "/" + audience, which observers are subscribed to in place of the full one.
 */
@Component
class StompChangePublisher implements ChangePublisher {

    private final SimpMessagingTemplate messaging;
    private final LiveMetrics metrics;

    StompChangePublisher(SimpMessagingTemplate messaging, LiveMetrics metrics) {
        this.messaging = messaging;
        this.metrics = metrics;
    }

    @Override
    public void publish(String topic, String audience, Change change) {
        messaging.convertAndSend(audience == null ? topic : topic + "/" + audience, change);
        metrics.pushed(change);
    }
}
