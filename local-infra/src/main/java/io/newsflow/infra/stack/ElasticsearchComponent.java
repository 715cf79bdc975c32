package io.newsflow.infra.stack;

import io.newsflow.infra.LocalElasticsearch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The node, with its distribution and data under {@code .newsflow/elasticsearch}. */
record ElasticsearchComponent(Settings settings) implements Component {

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public int port() {
        return settings.elasticsearchPort();
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(port(), "NEWSFLOW_ELASTICSEARCH_PORT"));
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public String marker() {
        return "elasticsearch";
    }

    @Override
    public boolean isHealthy() {
        return LocalElasticsearch.isHealthy(port());
    }

    @Override
    public void start() {
        new LocalElasticsearch(dir(), port())
                .logFile(logFile())
                .pidFile(pidFile())
                .javaOpts(settings.elasticsearchJavaOpts())
                .start(startTimeout());
    }

    /** The server JVM first, by the pid file Elasticsearch wrote, so it shuts down cleanly; then the launcher. */
    @Override
    public void stop() {
        LocalElasticsearch.stopServer(dir());
        Component.super.stop();
    }

    private Path dir() {
        return settings.stateDir().resolve("elasticsearch");
    }
}
