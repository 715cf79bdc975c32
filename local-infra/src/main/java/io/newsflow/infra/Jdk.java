package io.newsflow.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK (21 or newer, as Elasticsearch 9 needs) that runs our child processes and is Elasticsearch's
 * {@code ES_JAVA_HOME}. Started by {@code ./newsflow}, this JVM is the one the script chose, and is taken as it is. Only
 * an older JVM (a test run by hand) searches, by the script's rules: {@code JAVA_HOME}, then {@code java} on the
 * {@code PATH}, then the newest JDK under {@code /usr/lib/jvm} or macOS's {@code /Library/Java/JavaVirtualMachines}.
 */
public final class Jdk {

    private static final int MINIMUM_FEATURE_VERSION = 21;

    static final List<Path> INSTALL_FOLDERS =
            List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"));

    private static final Pattern RELEASE_VERSION =
            Pattern.compile("^JAVA_VERSION=\"?(\\d+)(?:\\.(\\d+))?", Pattern.MULTILINE);

    private Jdk() {}

    /** The home of a JDK >= 21, or an exception that says what to install. */
    public static Path home() {
        if (Runtime.version().feature() >= MINIMUM_FEATURE_VERSION) {
            return Path.of(System.getProperty("java.home"));
        }
        return search(System.getenv(), INSTALL_FOLDERS)
                .orElseThrow(() -> new InfraException("No JDK " + MINIMUM_FEATURE_VERSION
                        + " or newer found (looked at JAVA_HOME, java on the PATH and " + INSTALL_FOLDERS
                        + "). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, and set "
                        + "JAVA_HOME to it."));
    }

    public static Path java(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /** The rules of the {@code newsflow} script's {@code find_jdk}, in the same order. */
    static Optional<Path> search(Map<String, String> env, List<Path> installFolders) {
        Optional<Path> javaHome = Optional.ofNullable(env.get("JAVA_HOME"))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .filter(Jdk::isSuitable);
        if (javaHome.isPresent()) {
            return javaHome;
        }
        Optional<Path> onPath = onPath(env.getOrDefault("PATH", "")).filter(Jdk::isSuitable);
        if (onPath.isPresent()) {
            return onPath;
        }
        return installFolders.stream()
                .flatMap(Jdk::children)
                .map(child ->
                        Files.isDirectory(child.resolve("Contents/Home")) ? child.resolve("Contents/Home") : child)
                .filter(Jdk::isSuitable)
                .max(Comparator.comparingInt(home -> featureVersion(home).orElse(0)));
    }

    /** The home of the first {@code java} on the PATH, through symbolic links such as Debian's alternatives. */
    private static Optional<Path> onPath(String path) {
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "java"))
                .filter(Files::isExecutable)
                .findFirst()
                .flatMap(java -> {
                    try {
                        return Optional.ofNullable(java.toRealPath().getParent())
                                .map(Path::getParent);
                    } catch (IOException unresolvable) {
                        return Optional.empty();
                    }
                });
    }

    private static Stream<Path> children(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.toList().stream();
        } catch (IOException notThere) {
            return Stream.empty();
        }
    }

    static boolean isSuitable(Path home) {
        return Files.isExecutable(java(home)) && featureVersion(home).orElse(0) >= MINIMUM_FEATURE_VERSION;
    }

    /** Reads the {@code release} file every JDK ships, so no JVM has to be started to learn its version. */
    static Optional<Integer> featureVersion(Path home) {
        try {
            return parseReleaseFile(Files.readString(home.resolve("release")));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    static Optional<Integer> parseReleaseFile(String release) {
        Matcher matcher = RELEASE_VERSION.matcher(release);
        if (!matcher.find()) {
            return Optional.empty();
        }
        // Java 8 and older call themselves 1.x
        if (matcher.group(1).equals("1")) {
            return Optional.ofNullable(matcher.group(2)).map(Integer::parseInt);
        }
        return Optional.of(Integer.parseInt(matcher.group(1)));
    }
}
