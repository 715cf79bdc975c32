package io.newsflow.ingest.agency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The IPTC examples and unit-test items under {@code src/test/resources/agency} (see their SOURCE.md). */
public final class AgencyCorpus {

    static final Path ROOT = Path.of("src/test/resources/agency");

    private AgencyCorpus() {}

    /** One file, with the ninjs release its folder names (for NewsML-G2, the G2 version). */
    record Sample(Path path, String version) {

        String name() {
            return ROOT.relativize(path).toString();
        }

        byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** IPTC's LISTING 2 (version 11 of its item) under another guid, version and headline. */
    public static byte[] newsItem(String guid, long version, String headline) {
        var listing = new String(
                newsMlExamples().stream()
                        .filter(s -> s.name().endsWith("LISTING_2_NewsML-G2_Text_Document.xml"))
                        .findFirst()
                        .orElseThrow()
                        .bytes(),
                StandardCharsets.UTF_8);
        var item = listing.replace("guid=\"urn:newsml:acmenews.com:20161121:US-FINANCE-FED\"", "guid=\"" + guid + "\"")
                .replace("version=\"11\"", "version=\"" + version + "\"")
                .replace(
                        "<headline> Fed to halt QE to avert \"bubble\"</headline>",
                        "<headline>" + headline + "</headline>");
        if (!item.contains(guid) || !item.contains(headline)) {
            throw new IllegalStateException("LISTING 2 is not as expected");
        }
        return item.getBytes(StandardCharsets.UTF_8);
    }

    static List<Sample> newsMlExamples() {
        return files(ROOT.resolve("newsml-g2/examples"), ".xml", null);
    }

    static List<Sample> newsMlUnitTests(String outcome) {
        return versions(ROOT.resolve("newsml-g2/unit_test_files"), outcome, ".xml");
    }

    /** The agency examples and the guideline examples, each with the release of its folder. */
    static List<Sample> ninjsExamples() {
        return Stream.concat(
                        versionFolders(ROOT.resolve("ninjs/examples")),
                        versionFolders(ROOT.resolve("ninjs/documentation/examples")))
                .flatMap(folder -> files(folder, ".json", folder.getFileName().toString()).stream())
                .toList();
    }

    static List<Sample> ninjsUnitTests(String outcome) {
        return versions(ROOT.resolve("ninjs/test_suite"), outcome, ".json");
    }

    private static List<Sample> versions(Path root, String outcome, String extension) {
        return versionFolders(root)
                .flatMap(folder -> files(
                        folder.resolve(outcome), extension, folder.getFileName().toString())
                        .stream())
                .toList();
    }

    private static Stream<Path> versionFolders(Path root) {
        try (var folders = Files.list(root)) {
            return folders
                    .filter(Files::isDirectory)
                    .filter(folder -> folder.getFileName().toString().matches("\\d+\\.\\d+"))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Sample> files(Path folder, String extension, String version) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(extension))
                    .sorted()
                    .map(file -> new Sample(file, version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
