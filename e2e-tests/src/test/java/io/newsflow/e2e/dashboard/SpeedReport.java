package io.newsflow.e2e.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code target/dashboard-speed.md}: the figures the browser tests measured, rewritten as each one comes in. */
final class SpeedReport {

    static final Path FILE = Path.of("target", "dashboard-speed.md");

    private static final Map<String, String> sections = new LinkedHashMap<>();

    private SpeedReport() {}

    static void record(String what, Duration took) {
        section(what, "%d ms".formatted(took.toMillis()));
    }

    static synchronized void section(String title, String markdown) {
        sections.put(title, markdown);
        var text = new StringBuilder("# Dashboard speed, measured in headless Chromium\n");
        sections.forEach((name, body) ->
                text.append("\n## ").append(name).append("\n\n").append(body).append('\n'));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
