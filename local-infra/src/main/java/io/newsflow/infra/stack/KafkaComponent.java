package io.newsflow.infra.stack;

import io.newsflow.infra.LocalKafka;
import java.time.Duration;
import java.util.List;

/** The broker, with its data under {@code .newsflow/kafka}. */
record KafkaComponent(Settings settings) implements Component {

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public int port() {
        return settings.kafkaPort();
    }

    @Override
    public List<Port> ports() {
        return List.of(
                new Port(settings.kafkaPort(), "NEWSFLOW_KAFKA_PORT"),
                new Port(settings.kafkaControllerPort(), "NEWSFLOW_KAFKA_CONTROLLER_PORT"));
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public String marker() {
        return LocalKafka.MAIN_CLASS;
    }

    @Override
    public boolean isHealthy() {
        return LocalKafka.isHealthy(port());
    }

    @Override
    public void start() {
        new LocalKafka(settings.stateDir().resolve("kafka"), port(), settings.kafkaControllerPort())
                .logFile(logFile())
                .pidFile(pidFile())
                .start(startTimeout());
    }
}
