package io.newsflow.enrich.lab.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The BBC News corpus of the data folder ({@code bbc/articles/<class>/NNN.txt}: headline, blank line, paragraphs;
 * {@code bbc/summaries/<class>/NNN.txt}: the extractive reference summary). Held out from training: every article
 * whose number leaves 1 when divided by 5 (001, 006, 011, ...), about a fifth of each class, so the split is the same
 * on every run and machine. (Articles numbered by multiples of 5 are absent from the shared data folder; a split on
 * them would be empty.)
 */
public final class BbcCorpus {

    public record BbcArticle(String bbcClass, int number, String title, String body, Optional<String> summary) {
        public boolean heldOut() {
            return number % 5 == 1;
        }
    }

    private BbcCorpus() {}

    public static List<BbcArticle> read(Path dataFolder) {
        var articles = dataFolder.resolve("bbc/articles");
        var summaries = dataFolder.resolve("bbc/summaries");
        var result = new ArrayList<BbcArticle>();
        try (Stream<Path> classes = Files.list(articles)) {
            for (var classFolder : classes.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(classFolder)) {
                    for (var file : files.filter(f -> f.toString().endsWith(".txt"))
                            .sorted(Comparator.comparing(Path::toString))
                            .toList()) {
                        var text = decode(Files.readAllBytes(file)).replace("\r\n", "\n");
                        int headlineEnd = text.indexOf('\n');
                        var title = headlineEnd < 0
                                ? text.strip()
                                : text.substring(0, headlineEnd).strip();
                        var body = headlineEnd < 0
                                ? ""
                                : text.substring(headlineEnd + 1).strip();
                        var bbcClass = classFolder.getFileName().toString();
                        var name = file.getFileName().toString();
                        var summaryFile = summaries.resolve(bbcClass).resolve(name);
                        Optional<String> summary = Files.exists(summaryFile)
                                ? Optional.of(
                                        decode(Files.readAllBytes(summaryFile)).strip())
                                : Optional.empty();
                        result.add(new BbcArticle(
                                bbcClass,
                                Integer.parseInt(name.substring(0, name.length() - 4)),
                                title,
                                body,
                                summary));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the BBC corpus under " + dataFolder, e);
        }
        return result;
    }

    /** UTF-8, or Latin-1 for the file that has a stray Latin-1 byte. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
