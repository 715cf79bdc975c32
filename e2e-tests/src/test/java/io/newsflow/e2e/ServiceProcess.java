package io.newsflow.e2e;

import io.newsflow.infra.HttpProbe;
import io.newsflow.infra.Jdk;
import io.newsflow.infra.LocalProcess;
import io.newsflow.infra.Ports;
import io.newsflow.infra.ServiceJar;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service, run from its executable jar as a separate JVM, as an operator would run it. */
final class ServiceProcess implements AutoCloseable {

    private final int port;
    private final LocalProcess process;

    private ServiceProcess(int port, LocalProcess process) {
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(String module, Map<String, String> properties) {
        var jar = ServiceJar.of(Path.of(System.getProperty("newsflow.root", "..")), module);
        var port = Ports.free();
        var command = new ArrayList<String>(List.of(
                Jdk.java(Jdk.home()).toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        var log = Path.of("target", "e2e-logs", module + ".log");
        LocalProcess.newLog(log);
        var readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        var process = LocalProcess.builder(module)
                .command(command)
                .logFile(log)
                .readyWhen("GET " + readiness, () -> HttpProbe.ok(readiness))
                .stopGrace(Duration.ofSeconds(20))
                .start();
        return new ServiceProcess(port, process);
    }

    void awaitReady(Duration limit) {
        process.awaitReady(limit);
    }

    /** Where its API answers, for a client's base URI. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.stop();
    }
}
