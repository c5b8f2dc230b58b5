package dk.referent.live;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.referent.view.Change;
import dk.referent.view.ChangePublisher;

/**
 * Sends each stored change to its topic: the full feed on the view's topic, an audience variant (observers'
 * "open" minutes) on the topic plus "/" + audience, which observers are subscribed to in place of the full one.
 * With the simple broker the change is written once as JSON and sent to the topic's subscribers by
 * {@link LiveFanout}; with a broker relay it goes to the relay as a message.
 */
@Component
class StompChangePublisher implements ChangePublisher {

    private final SimpMessagingTemplate messaging;
    private final LiveFanout fanout;
    private final ObjectMapper json;
    private final LiveMetrics metrics;

    StompChangePublisher(SimpMessagingTemplate messaging, LiveFanout fanout, ObjectMapper json, LiveMetrics metrics) {
        this.messaging = messaging;
        this.fanout = fanout;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public void publish(String topic, String audience, Change change) {
        String destination = audience == null ? topic : topic + "/" + audience;
        if (fanout.active()) {
            fanout.send(destination, bytes(change), () -> metrics.pushed(change));
        } else {
            messaging.convertAndSend(destination, change);
            metrics.pushed(change);
        }
    }

    private byte[] bytes(Change change) {
        try {
            return json.writeValueAsBytes(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change of " + change.id() + " not writable as JSON", e);
        }
    }
}
