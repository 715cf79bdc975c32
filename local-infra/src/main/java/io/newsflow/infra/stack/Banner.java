package io.newsflow.infra.stack;

import java.io.PrintStream;

/** What {@code up} prints last: where each process answers, with an example request, and where the logs are. */
final class Banner {

    private Banner() {}

    static void print(Settings settings, PrintStream out) {
        out.println();
        out.println("Newsflow is up:");
        out.println("  dashboard      http://localhost:" + settings.searchPort() + "/");
        out.println("  ingest         http://localhost:" + settings.ingestPort() + "   (POST /api/v1/articles)");
        out.println("  enrich         http://localhost:" + settings.enrichPort());
        out.println("  search         http://localhost:" + settings.searchPort() + "   e.g. curl 'http://localhost:"
                + settings.searchPort() + "/api/v1/search?q=peacekeeping'");
        out.println("  elasticsearch  http://localhost:" + settings.elasticsearchPort()
                + "   e.g. curl 'http://localhost:" + settings.elasticsearchPort() + "/_cluster/health?pretty'");
        out.println("  kafka          bootstrap servers 127.0.0.1:" + settings.kafkaPort());
        out.println("Logs: " + settings.relative(settings.stateDir().resolve("logs"))
                + "/{kafka,elasticsearch,ingest-service,enrich-service,search-service}.log");
    }
}
