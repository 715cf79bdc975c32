package io.newsflow.infra.chaos;

import io.newsflow.infra.load.IndexAudit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one scenario did to the stream: the audit of the index against the acknowledged-ids file, the articles ingest
 * refused meanwhile, the records that reached a dead-letter topic, how long the fault lasted and how long after it the
 * pipeline had caught up (empty when it did not within the timeout).
 *
 * @param refused articles of batches ingest did not acknowledge (refused, 503, unreachable): never counted as lost
 * @param deadLettered acknowledged articles found on a dead-letter topic
 * @param pills poison pills produced and how many of them reached a dead-letter topic with a reason
 * @param faultProblems what went wrong with the fault itself (not injected, not lifted, a reindex that failed)
 */
record ScenarioResult(
        Scenario scenario,
        IndexAudit audit,
        int refused,
        int deadLettered,
        Pills pills,
        Duration fault,
        Optional<Duration> recovery,
        List<String> notes,
        List<String> faultProblems) {

    record Pills(int produced, int deadLettered) {

        static final Pills NONE = new Pills(0, 0);
    }

    /** Why the scenario failed; empty when it passed. */
    List<String> failures() {
        var failures = new ArrayList<String>();
        if (audit.acknowledged() == 0) {
            failures.add("nothing was acknowledged");
        }
        if (!audit.lost().isEmpty()) {
            failures.add(audit.lost().size() + " lost, e.g. " + audit.lost().getFirst());
        }
        if (!audit.regressed().isEmpty()) {
            failures.add(audit.regressed().size() + " regressed, e.g. "
                    + audit.regressed().getFirst());
        }
        if (deadLettered > 0) {
            failures.add(deadLettered + " acknowledged articles on a dead-letter topic");
        }
        if (pills.deadLettered() < pills.produced()) {
            failures.add((pills.produced() - pills.deadLettered()) + " of " + pills.produced()
                    + " poison pills not on a dead-letter topic");
        }
        if (recovery.isEmpty()) {
            failures.add("did not recover within the timeout");
        }
        faultProblems.forEach(problem -> failures.add("the fault: " + problem));
        return failures;
    }

    boolean passed() {
        return failures().isEmpty();
    }
}
