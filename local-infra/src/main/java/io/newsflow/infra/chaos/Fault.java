package io.newsflow.infra.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How long an injected fault lasted, the keys of the poison pills it produced (none for the others), and what went
 * wrong with the fault itself (a reindex that failed, a broker that did not come back), each failing the scenario.
 */
record Fault(Duration duration, List<String> pills, List<String> problems) {}
