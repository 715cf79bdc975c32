package io.newsflow.infra.chaos;

import io.newsflow.infra.InfraException;
import io.newsflow.infra.load.ArticleStream;
import io.newsflow.infra.stack.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./newsflow chaos [scenario...]}: against the stack {@code ./newsflow up -d} started, streams articles into
 * ingest while it injects one fault per scenario, prints per scenario acknowledged, searchable, lost, duplicated,
 * regressed and the time to recover as a table, and writes it as markdown under {@code .newsflow/reports/}. Exits 1
 * when a scenario failed (an article lost or regressed, an acknowledged one dead-lettered, a pill not), 2 on a wrong
 * command line.
 */
public final class Chaos {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Chaos() {}

    public static void main(String[] args) {
        // the Kafka client logs through slf4j-simple: its errors only, not its configuration dumps, nor its warnings
        // about the dead-letter partitions the reading consumer has just given back
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        ChaosArguments arguments;
        try {
            arguments = ChaosArguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.err.println(ChaosArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.println(ChaosArguments.USAGE);
            return;
        }
        var home = Path.of(System.getProperty("newsflow.home", "")).toAbsolutePath();
        try {
            System.exit(run(arguments, home, System.getenv(), String.join(" ", args), System.out) ? 0 : 1);
        } catch (InfraException e) {
            System.err.println("chaos: " + e.getMessage());
            System.exit(1);
        }
    }

    static boolean run(ChaosArguments arguments, Path home, Map<String, String> env, String args, PrintStream out) {
        var stack = LocalStack.of(home, env);
        // before anything runs: no stream, no fault, no report for a stack that cannot have the fault
        List<Scenario> chosen;
        try {
            chosen = arguments.runnableOn(stack.brokers());
        } catch (IllegalStateException e) {
            throw new InfraException(e.getMessage(), e);
        }
        var unhealthy = stack.unhealthy();
        if (!unhealthy.isEmpty()) {
            throw new InfraException("not running or not healthy: " + String.join(", ", unhealthy)
                    + ". Start the stack with './newsflow up -d' (with the same NEWSFLOW_*_PORT variables).");
        }
        var key = Optional.ofNullable(env.get("NEWSFLOW_API_KEY"))
                .filter(value -> !value.isBlank())
                .or(stack::loaderKey);
        var templates = ArticleStream.templates(home.resolve("samples/demo/articles.ndjson.gz"));
        arguments.scenarios().stream()
                .filter(scenario -> !chosen.contains(scenario))
                .forEach(scenario -> out.printf(
                        "Leaving out %s: it needs ./newsflow up -d --brokers %d%n", scenario.id(), scenario.brokers()));
        var started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var runId = "chaos-" + STAMP.format(started);
        var scenarios = new ScenarioRun(stack, arguments, Topics.from(env), templates, key, out);
        var results = new ArrayList<ScenarioResult>();
        for (var scenario : chosen) {
            var result = scenarios.run(scenario, runId + "-" + scenario.id());
            results.add(result);
            out.printf("  %s: %s%n%n", scenario.id(), result.passed() ? "pass" : "FAIL " + result.failures());
            var down = stack.unhealthy();
            if (!down.isEmpty()) {
                out.println("Stopping: not healthy after " + scenario.id() + ": " + String.join(", ", down));
                break;
            }
        }
        var report = new ChaosReport(results);
        out.print(report.table());
        var file = stack.stateDir().resolve("reports").resolve(runId + ".md");
        write(file, report.markdown(started, "./newsflow chaos " + args));
        out.println("Report: " + home.relativize(file));
        return report.passed() && results.size() == chosen.size();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
