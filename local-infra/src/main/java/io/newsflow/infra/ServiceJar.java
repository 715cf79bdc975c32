package io.newsflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
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

    /**
     * The fat jar extracted by Spring Boot's jar tools into {@code destination} (a launcher jar beside {@code lib/}),
     * as the container image runs it, extracted again when the fat jar is newer. Classes from plain jars on the class
     * path rather than from jars nested in the fat jar: in the end-to-end bench the enrich service spent 0.88-0.91x
     * the CPU per article run this way (two alternating pairs), and the local stack runs what the image runs.
     */
    public static Path extracted(Path java, Path jar, Path destination) {
        var launcher = destination.resolve(jar.getFileName());
        try {
            if (isExtracted(jar, launcher)) {
                return launcher;
            }
            Folders.deleteRecursively(destination);
            Files.createDirectories(destination.getParent());
            var process = new ProcessBuilder(List.of(
                            java.toString(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            destination.toString()))
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || !Files.isRegularFile(launcher)) {
                throw new InfraException("Cannot extract " + jar + " into " + destination + ": " + output.strip());
            }
            return launcher;
        } catch (IOException e) {
            throw new InfraException("Cannot extract " + jar + " into " + destination + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted extracting " + jar, e);
        }
    }

    /** Whether {@code launcher} was extracted from {@code jar} as it is now (after the jar was last written). */
    static boolean isExtracted(Path jar, Path launcher) throws IOException {
        return Files.isRegularFile(launcher)
                && Files.getLastModifiedTime(launcher).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    }
}
