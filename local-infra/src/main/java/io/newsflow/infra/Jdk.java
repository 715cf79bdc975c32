package io.newsflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK that Elasticsearch 9 accepts (21 or newer): this JVM, {@code JAVA_HOME}, or the newest installed one. */
public final class Jdk {

    public static final int MINIMUM_FEATURE_VERSION = 21;

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)", Pattern.MULTILINE);

    private static final List<Path> INSTALL_FOLDERS =
            List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"), Path.of("/opt/java"));

    private Jdk() {}

    /** The home of a JDK >= 21, or an exception that says what to install. */
    public static Path home() {
        return find().orElseThrow(() -> new InfraException("No JDK " + MINIMUM_FEATURE_VERSION
                + " or newer found (looked at this JVM, JAVA_HOME and " + INSTALL_FOLDERS + "). Install one, e.g. "
                + "'apt-get install openjdk-21-jdk-headless' or Temurin 21+, and set JAVA_HOME to it."));
    }

    public static Path java(Path home) {
        return home.resolve("bin").resolve("java");
    }

    static Optional<Path> find() {
        Path current = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= MINIMUM_FEATURE_VERSION && Files.isExecutable(java(current))) {
            return Optional.of(current);
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank() && isSuitable(Path.of(javaHome))) {
            return Optional.of(Path.of(javaHome));
        }
        List<Path> candidates = new ArrayList<>();
        for (Path folder : INSTALL_FOLDERS) {
            try (Stream<Path> children = Files.list(folder)) {
                children.map(child -> Files.isDirectory(child.resolve("Contents/Home"))
                                ? child.resolve("Contents/Home")
                                : child)
                        .filter(Jdk::isSuitable)
                        .forEach(candidates::add);
            } catch (IOException notThere) {
                // an absent folder has no JDKs
            }
        }
        return candidates.stream()
                .max(Comparator.comparingInt(home -> featureVersion(home).orElse(0)));
    }

    static boolean isSuitable(Path home) {
        return Files.isExecutable(java(home)) && featureVersion(home).orElse(0) >= MINIMUM_FEATURE_VERSION;
    }

    /** Reads the {@code release} file every JDK ships, so no JVM has to be started to learn its version. */
    static Optional<Integer> featureVersion(Path home) {
        try {
            return parseReleaseFile(Files.readString(home.resolve("release")));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    static Optional<Integer> parseReleaseFile(String release) {
        Matcher matcher = RELEASE_VERSION.matcher(release);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(matcher.group(1));
        // Java 8 and older call themselves 1.x
        if (major == 1) {
            Matcher legacy = Pattern.compile("^JAVA_VERSION=\"?1\\.(\\d+)", Pattern.MULTILINE)
                    .matcher(release);
            return legacy.find() ? Optional.of(Integer.parseInt(legacy.group(1))) : Optional.empty();
        }
        return Optional.of(major);
    }
}
