package io.newsflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/** Where the build put a service's executable jar. */
public final class ServiceJar {

    private ServiceJar() {}

    /** The Spring Boot fat jar in {@code <module>/target}, ignoring sources, javadoc, test and original jars. */
    public static Path of(Path projectHome, String module) {
        Path target = projectHome.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName()
                            .toString()
                            .matches(".*-(sources|javadoc|tests|test-sources|plain)\\.jar"))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IOException("no jar"));
        } catch (IOException e) {
            throw new InfraException("No jar of " + module + " in " + target + ". Build it first: "
                    + "./mvnw -B -DskipTests install (or just run ./newsflow up, which builds what is missing).");
        }
    }

    /**
     * {@link #of}, refused when a file of the module's own {@code src/main} or its {@code pom.xml} is newer than the
     * jar: a test that starts the services from jars a build without {@code -am} left behind would otherwise run
     * yesterday's code and settings, and its failures would point at code that is not there any more. Changes in the
     * modules it depends on are not seen.
     */
    public static Path current(Path projectHome, String module) {
        var jar = of(projectHome, module);
        var moduleHome = projectHome.resolve(module);
        try (Stream<Path> sources = Stream.concat(
                Files.exists(moduleHome.resolve("src/main")) ? Files.walk(moduleHome.resolve("src/main")) : Stream.of(),
                Stream.of(moduleHome.resolve("pom.xml")).filter(Files::exists))) {
            var built = Files.getLastModifiedTime(jar);
            var newer = sources.filter(Files::isRegularFile)
                    .filter(file -> isNewer(file, built))
                    .findFirst();
            if (newer.isPresent()) {
                throw new InfraException(jar.getFileName() + " is older than " + projectHome.relativize(newer.get())
                        + ". Rebuild it: ./mvnw -B -DskipTests install -pl " + module + " -am");
            }
            return jar;
        } catch (IOException e) {
            throw new InfraException("Cannot compare " + jar + " with the sources of " + module + ": " + e, e);
        }
    }

    private static boolean isNewer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
