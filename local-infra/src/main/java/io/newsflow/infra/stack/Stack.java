package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code newsflow up|down|status} commands: Kafka, Elasticsearch and the three services as local processes, each
 * with a pid file and a log file under {@code .newsflow/} in the project folder ({@code -Dnewsflow.home}).
 */
public final class Stack {

    private Stack() {}

    public static void main(String[] args) {
        Optional<Arguments> parsed = Arguments.parse(args);
        if (parsed.isEmpty()) {
            System.err.println(Arguments.USAGE);
            System.exit(2);
            return;
        }
        Arguments arguments = parsed.get();
        Path home = Path.of(System.getProperty("newsflow.home", "")).toAbsolutePath();
        try {
            Settings settings = Settings.from(home, System.getenv());
            if (arguments.command() == Arguments.Command.UP) {
                UpCommand.requireSameBrokers(settings, arguments.brokers());
                settings = settings.withBrokers(arguments.brokers());
                settings.recordBrokers();
            }
            Components components = Components.of(settings);
            switch (arguments.command()) {
                case HELP -> System.out.println(Arguments.USAGE);
                case UP -> new UpCommand(components, settings, System.out).run(arguments.detach());
                case DOWN -> new DownCommand(components, System.out).run();
                case STATUS -> new StatusCommand(components, settings, System.out).run();
            }
        } catch (InfraException e) {
            System.err.println("newsflow: " + e.getMessage());
            System.exit(1);
        }
    }
}
