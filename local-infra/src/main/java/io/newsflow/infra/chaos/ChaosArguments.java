package io.newsflow.infra.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The command line of {@code ./newsflow chaos}; an unknown scenario or option is an {@link IllegalArgumentException}. */
record ChaosArguments(
        List<Scenario> scenarios,
        Duration freeze,
        Duration block,
        Duration kafkaDown,
        Duration pollInterval,
        Duration slowHold,
        Duration warmUp,
        Duration after,
        Duration timeout,
        int rate,
        boolean help,
        boolean named) {

    static final String USAGE =
            """
            Usage: ./newsflow chaos [--ci] [scenario...] [--freeze 2m] [--block 30s] [--kafka-down 20s] [--rate 10]
                                    [--poll-interval 3s] [--slow-hold 30s] [--warm-up 10s] [--after 10s] [--timeout 5m]
              scenarios (all of them, in this order, when none is named; kill-broker only on 'up --brokers 3'):
            %s
              --ci          kill-enrich, kill-search, poison-pills and freeze-elasticsearch with --freeze 20s,
                            --rate 3, --warm-up 5s and --after 5s: the subset CI runs (within 5 minutes)
              --freeze      how long Elasticsearch stays frozen (SIGSTOP) before SIGCONT
              --block       how long the articles index keeps its read-only block
              --kafka-down  how long a broker stays dead before it is started again (kill-kafka, kill-broker)
              --poll-interval  slow-article: enrich's max.poll.interval while it works on the slow article
              --slow-hold   slow-article: how long the stream flows after the slow article before recovery is timed
              --rate        articles a second into ingest; every 5th is sent again, changed, 2 s later
              --warm-up     how long the stream flows before the fault, --after how long it flows once recovered
              --timeout     how long each scenario may take to recover, and the stream to be searchable after it
            Durations: 500ms, 30s, 2m, 1h. Runs against the stack './newsflow up -d' started (its ports, the same
            NEWSFLOW_*_PORT variables); exits 1 when a scenario lost or regressed an article."""
                    .formatted(Arrays.stream(Scenario.values())
                            .map(s -> String.format("                %-24s %s", s.id(), s.description()))
                            .collect(Collectors.joining("\n")));

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    static ChaosArguments parse(List<String> args) {
        var scenarios = new LinkedHashSet<Scenario>();
        var ci = false;
        var help = false;
        Duration freeze = null;
        Duration block = Duration.ofSeconds(30);
        Duration kafkaDown = Duration.ofSeconds(20);
        Duration pollInterval = Duration.ofSeconds(3);
        Duration slowHold = Duration.ofSeconds(30);
        Duration warmUp = null;
        Duration after = null;
        Duration timeout = Duration.ofMinutes(5);
        Integer rate = null;
        for (var i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            switch (arg) {
                case "--ci" -> ci = true;
                case "-h", "--help", "help" -> help = true;
                case "--freeze" -> freeze = duration(arg, value(args, ++i, arg));
                case "--block" -> block = duration(arg, value(args, ++i, arg));
                case "--kafka-down" -> kafkaDown = duration(arg, value(args, ++i, arg));
                case "--poll-interval" -> pollInterval = duration(arg, value(args, ++i, arg));
                case "--slow-hold" -> slowHold = duration(arg, value(args, ++i, arg));
                case "--warm-up" -> warmUp = duration(arg, value(args, ++i, arg));
                case "--after" -> after = duration(arg, value(args, ++i, arg));
                case "--timeout" -> timeout = duration(arg, value(args, ++i, arg));
                case "--rate" -> rate = positive(arg, value(args, ++i, arg));
                case "all" -> scenarios.addAll(List.of(Scenario.values()));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    scenarios.add(Scenario.named(arg)
                            .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + arg)));
                }
            }
        }
        if (ci) {
            scenarios.addAll(Scenario.CI);
        }
        // named (or all, or --ci): each of them must run; none named: what the stack can run
        var named = !scenarios.isEmpty() || ci;
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of(Scenario.values()));
        }
        var ordered = new ArrayList<>(scenarios);
        // ci's subset in its own order; named scenarios in the order they were named
        return new ChaosArguments(
                List.copyOf(ordered),
                freeze != null ? freeze : ci ? Duration.ofSeconds(20) : Duration.ofMinutes(2),
                block,
                kafkaDown,
                pollInterval,
                slowHold,
                warmUp != null ? warmUp : ci ? Duration.ofSeconds(5) : Duration.ofSeconds(10),
                after != null ? after : ci ? Duration.ofSeconds(5) : Duration.ofSeconds(10),
                timeout,
                rate != null ? rate : ci ? 3 : 10,
                help,
                named);
    }

    /**
     * The scenarios a stack of this many brokers can run. A named one it cannot (kill-broker on one broker) is an
     * {@link IllegalStateException} that says how to start the stack it needs; unnamed, it is left out.
     */
    List<Scenario> runnableOn(int brokers) {
        var needMore = scenarios.stream().filter(s -> s.brokers() > brokers).toList();
        if (named && !needMore.isEmpty()) {
            throw new IllegalStateException(needMore.stream().map(Scenario::id).collect(Collectors.joining(", "))
                    + " needs the three-broker stack, and this one has " + brokers + ": ./newsflow down, then"
                    + " ./newsflow up -d --brokers 3 (with the same NEWSFLOW_*_PORT variables)");
        }
        return scenarios.stream().filter(s -> s.brokers() <= brokers).toList();
    }

    static Duration duration(String option, String value) {
        var matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " takes a duration such as 500ms, 30s, 2m or 1h, not " + value);
        }
        var amount = Long.parseLong(matcher.group(1));
        var duration =
                switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
        if (duration.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than 0");
        }
        return duration;
    }

    private static int positive(String option, String value) {
        try {
            var number = Integer.parseInt(value.strip());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a positive whole number, not " + value);
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
