package io.newsflow.infra.stack;

import java.util.List;
import java.util.Optional;

/** The command line: {@code up [-d|--detach] | down | status | help}. */
record Arguments(Command command, boolean detach) {

    static final String USAGE = "Usage: Stack up [-d|--detach] | down | status";

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
            case "up" -> {
                boolean detach = !options.isEmpty();
                boolean known = options.stream().allMatch(option -> option.equals("-d") || option.equals("--detach"));
                yield known ? Optional.of(new Arguments(Command.UP, detach)) : Optional.empty();
            }
            case "down" -> withoutOptions(Command.DOWN, options);
            case "status" -> withoutOptions(Command.STATUS, options);
            case "help", "-h", "--help" -> Optional.of(new Arguments(Command.HELP, false));
            default -> Optional.empty();
        };
    }

    private static Optional<Arguments> withoutOptions(Command command, List<String> options) {
        return options.isEmpty() ? Optional.of(new Arguments(command, false)) : Optional.empty();
    }
}
