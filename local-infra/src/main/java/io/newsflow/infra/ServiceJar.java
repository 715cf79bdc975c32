package io.newsflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
