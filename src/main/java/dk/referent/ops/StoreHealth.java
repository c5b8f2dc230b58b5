package dk.referent.ops;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

/** Health includes the store: UP only while MongoDB (or the embedded store) answers a ping. */
@Component("store")
class StoreHealth implements HealthIndicator {

    private final MongoDatabase db;

    StoreHealth(MongoDatabase db) {
        this.db = db;
    }

    @Override
    public Health health() {
        try {
            db.runCommand(new Document("ping", 1));
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", "does not answer").build();
        }
    }
}
