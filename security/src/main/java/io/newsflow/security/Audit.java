package io.newsflow.security;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what, when: one line on the logger {@code newsflow.audit} per change of keys, feeds or admin state, and the
 * counter {@code newsflow.audit.events} by action. The line's key-value pairs ({@code audit.action}, {@code audit.by},
 * {@code audit.target}, {@code audit.at} and the details as {@code audit.<name>}) become fields of their own in
 * structured logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} or {@code logstash}); the message says the same for a
 * terminal.
 */
public final class Audit {

    private static final Logger log = LoggerFactory.getLogger("newsflow.audit");

    private final SecurityMetrics metrics;
    private final Clock clock;

    Audit(SecurityMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Records an action of the current {@link Caller}.
     *
     * @param action what happened, as {@code <thing>.<verb>}: {@code feed.registered}, {@code reindex.started}
     * @param target the id of what it happened to
     * @param details what else an auditor wants to know (a feed's URL, a key's scopes); no secrets
     */
    public void record(String action, String target, Map<String, ?> details) {
        var by = Caller.current().id();
        var at = clock.instant();
        var sorted = new TreeMap<String, Object>(details);
        var line = log.atInfo()
                .addKeyValue("audit.action", action)
                .addKeyValue("audit.by", by)
                .addKeyValue("audit.target", target)
                .addKeyValue("audit.at", at.toString());
        for (var detail : sorted.entrySet()) {
            line = line.addKeyValue("audit." + detail.getKey(), String.valueOf(detail.getValue()));
        }
        line.log("{} target={} by={} at={} {}", action, target, by, at, sorted);
        metrics.audited(action);
    }
}
