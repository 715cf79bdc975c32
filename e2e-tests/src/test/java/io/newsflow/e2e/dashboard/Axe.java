package io.newsflow.e2e.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs axe-core (the script Deque ships in its Maven artifact) in the page and reports its serious and critical
 * violations. The script is injected through WebDriver, which the page's Content-Security-Policy does not govern.
 */
final class Axe {

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String SOURCE = load();

    private Axe() {}

    /** The serious and critical violations on the page as it is now, one readable line each; empty when none. */
    static List<String> seriousViolations(Browser browser) {
        browser.script(SOURCE);
        var report = (String)
                browser.driver()
                        .executeAsyncScript(
                                """
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']})
                            .then(results => done(JSON.stringify(results.violations)))
                            .catch(error => done(JSON.stringify([{id: 'axe-error', impact: 'critical',
                                help: String(error), nodes: []}])));
                        """);
        var violations = new ArrayList<String>();
        for (JsonNode violation : json.readTree(report)) {
            var impact = violation.path("impact").asString();
            if (FAILING_IMPACTS.contains(impact)) {
                var targets = new ArrayList<String>();
                violation
                        .path("nodes")
                        .forEach(node -> targets.add(node.path("target").toString()));
                violations.add("%s (%s): %s at %s"
                        .formatted(
                                violation.path("id").asString(),
                                impact,
                                violation.path("help").asString(),
                                targets));
            }
        }
        return violations;
    }

    private static String load() {
        try (var script = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
