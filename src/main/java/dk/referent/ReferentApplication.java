package dk.referent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReferentApplication {

    public static void main(String[] args) {
        quietAxon();
        SpringApplication.run(ReferentApplication.class, args);
    }

    /** Axon's update checker calls home and writes ~/.axoniq; Referent runs on closed networks. */
    public static void quietAxon() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
