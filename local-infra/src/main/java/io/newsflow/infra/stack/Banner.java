package io.newsflow.infra.stack;

import java.io.PrintStream;

/** What {@code up} prints last: where each process answers, with an example request, and where the logs are. */
final class Banner {

    private Banner() {}

    static void print(Settings settings, LocalCredentials.Keys keys, PrintStream out) {
        out.println();
        out.println("Newsflow is up, with security on:");
        out.println("  dashboard      http://localhost:" + settings.searchPort()
                + "/   sign in with the dashboard key below");
        out.println("  ingest         http://localhost:" + settings.ingestPort() + "   (POST /api/v1/articles)");
        out.println("  enrich         http://localhost:" + settings.enrichPort());
        out.println("  search         http://localhost:" + settings.searchPort() + "   e.g. curl -H 'X-Api-Key: "
                + keys.editor() + "' 'http://localhost:" + settings.searchPort() + "/api/v1/search?q=peacekeeping'");
        out.println("  elasticsearch  http://localhost:" + settings.elasticsearchPort()
                + "   e.g. curl 'http://localhost:" + settings.elasticsearchPort() + "/_cluster/health?pretty'");
        out.println("  kafka          bootstrap servers " + settings.kafka().bootstrapServers()
                + (settings.brokerCount() == 1
                        ? ""
                        : "   (" + settings.brokerCount() + " brokers: replication factor " + settings.brokerCount()
                                + ", min.insync.replicas " + (settings.brokerCount() - 1) + ")"));
        out.println("Credentials (also in " + settings.relative(LocalCredentials.folder(settings))
                + "/, readable by you only):");
        out.println("  dashboard key  " + keys.editor() + "   (search:read: paste it into the dashboard's sign-in)");
        out.println("  loader key     " + keys.loader() + "   (articles:write, feeds:manage: ./newsflow load uses it)");
        out.println("  admin key      " + keys.admin() + "   (admin: create and revoke keys at /api/v1/api-keys)");
        out.println("Logs: " + settings.relative(settings.stateDir().resolve("logs"))
                + "/{"
                + String.join(
                        ",",
                        Components.of(settings).startOrder().stream()
                                .map(Component::name)
                                .toList())
                + "}.log");
    }
}
