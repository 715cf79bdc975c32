package io.newsflow.infra.bench;

import io.newsflow.infra.InfraException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The enrichment anchor: {@code ./newsflow enrich-alone} (enrich-lab's {@code EnrichAlone}) enriches the bench's
 * articles in a JVM of its own, with the service's components and one thread, and answers its one result line. A
 * process of its own because local-infra does not carry the enrich service's models on its class path.
 */
final class EnrichAlone {

    private EnrichAlone() {}

    /** The anchor, and the CPU seconds its process spent on the measured pass where the line gives them. */
    record Measured(BenchReport.Anchor anchor, OptionalDouble cpuSeconds) {}

    static Measured measure(Path home, List<String> documents) {
        try {
            var file = Files.createTempFile("newsflow-bench-", ".ndjson");
            try {
                Files.write(file, documents, StandardCharsets.UTF_8);
                var process = new ProcessBuilder(home.resolve("newsflow").toString(), "enrich-alone", file.toString())
                        .directory(home.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                var status = process.waitFor();
                return parse(output)
                        .orElseThrow(() -> new InfraException("./newsflow enrich-alone exited with " + status
                                + " and no result line: " + output.strip()));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new InfraException("Cannot run ./newsflow enrich-alone: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted", e);
        }
    }

    /** The line {@code ENRICH-ALONE <articles> <seconds> [<cpu seconds>]} among whatever else the command printed. */
    static Optional<Measured> parse(String output) {
        return output.lines()
                .filter(line -> line.startsWith("ENRICH-ALONE "))
                .reduce((first, last) -> last)
                .map(line -> line.split(" "))
                .map(fields -> new Measured(
                        new BenchReport.Anchor(
                                "enrichment alone, in process, 1 thread",
                                Integer.parseInt(fields[1]),
                                Double.parseDouble(fields[2])),
                        fields.length > 3 ? OptionalDouble.of(Double.parseDouble(fields[3])) : OptionalDouble.empty()));
    }
}
