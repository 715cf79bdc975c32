package io.newsflow.enrich;

import io.newsflow.kafka.Termination;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichApplication {

    public static void main(String[] args) {
        Termination.exitZeroOnSigterm();
        SpringApplication.run(EnrichApplication.class, args);
    }
}
