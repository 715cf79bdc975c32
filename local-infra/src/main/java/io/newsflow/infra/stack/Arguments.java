package io.newsflow.infra.stack;

import java.util.List;
import java.util.Optional;

/** The command line: {@code up [-d|--detach] [--brokers 1|3] | down | status | help}. */
record Arguments(Command command, boolean detach, int brokers) {

    static final String USAGE = "Usage: Stack up [-d|--detach] [--brokers 1|3] | down | status";

    enum Command {
        UP,
        DOWN,
        STATUS,
        HELP
    }

    /** Empty for an unknown command or option. */
    static Optional<Arguments> parse(String... args) {
        List<String> options = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
        String command = args.length == 0 ? "help" : args[0];
        return switch (command) {
            case "up" -> up(options);
            case "down" -> withoutOptions(Command.DOWN, options);
            case "status" -> withoutOptions(Command.STATUS, options);
            case "help", "-h", "--help" -> Optional.of(new Arguments(Command.HELP, false, 1));
            default -> Optional.empty();
        };
    }

    private static Optional<Arguments> withoutOptions(Command command, List<String> options) {
        return options.isEmpty() ? Optional.of(new Arguments(command, false, 1)) : Optional.empty();
    }

    private static Optional<Arguments> up(List<String> options) {
        boolean detach = false;
        int brokers = 1;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String count;
            if (option.equals("-d") || option.equals("--detach")) {
                detach = true;
                continue;
            } else if (option.equals("--brokers") && i + 1 < options.size()) {
                count = options.get(++i);
            } else if (option.startsWith("--brokers=")) {
                count = option.substring("--brokers=".length());
            } else {
                return Optional.empty();
            }
            if (!count.equals("1") && !count.equals("3")) {
                return Optional.empty();
            }
            brokers = Integer.parseInt(count);
        }
        return Optional.of(new Arguments(Command.UP, detach, brokers));
    }
}
