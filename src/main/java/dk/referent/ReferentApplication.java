package dk.referent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReferentApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferentApplication.class, args);
    }
}
