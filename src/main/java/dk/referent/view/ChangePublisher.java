package dk.referent.view;

/** Pushes a stored change to live subscribers (STOMP); called only after the view and the change are stored. */
public interface ChangePublisher {

    /**
     * @param topic    the view's topic ({@link Projection#topic})
     * @param audience null for the full view, else the audience variant's name
     */
    void publish(String topic, String audience, Change change);
}
