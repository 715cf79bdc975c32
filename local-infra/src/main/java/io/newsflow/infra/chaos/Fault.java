package io.newsflow.infra.chaos;

import java.time.Duration;
import java.util.List;

/** How long an injected fault lasted, and the keys of the poison pills it produced (none for the others). */
record Fault(Duration duration, List<String> pills) {}
