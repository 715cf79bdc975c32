package io.newsflow.enrich.lab.benchmark;

import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.lab.eval.BbcCorpus;
import io.newsflow.enrich.pipeline.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guard of the speed work: a change that is meant only to make enrichment faster must leave every output field
 * as it was, so this enriches a fixed set of articles and prints a SHA-256 digest of each field of the enrichment
 * (and of the whole events). Equal digests before and after a change mean equal output, so the quality figures
 * cannot have moved and the dev sets need not be scored again.
 *
 * <p>The articles: every BBC article of the data folder (English, the benchmark's corpus) and, for the name finders
 * and analysers of the other languages, articles of ten consecutive sentences from the language-identification test
 * sentences ({@code langid/}) of de, nl, fr, es, it, pt, pl, uk and ru.
 *
 * <p>Usage: {@code EnrichDigest <data-folder> [events.ndjson]}; the optional file gets every enriched event, one a
 * line, to find the article whose output changed.
 */
public final class EnrichDigest {

    static final List<String> OTHER_LANGUAGES = List.of("de", "nl", "fr", "es", "it", "pt", "pl", "uk", "ru");
    private static final int SENTENCES_PER_ARTICLE = 10;

    private EnrichDigest() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EnrichDigest <data-folder> [events.ndjson]");
            System.exit(2);
        }
        var articles = articles(Path.of(args[0]));
        var enricher = EnrichComponents.get(Enricher.class);
        var json = JsonMapper.builder().build();
        var fields = new LinkedHashMap<String, MessageDigest>();
        var whole = sha256();
        var lines = new ArrayList<String>();
        long started = System.nanoTime();
        for (var article : articles) {
            var event = enricher.enrich(article);
            String line = json.writeValueAsString(event);
            lines.add(line);
            whole.update(line.getBytes(StandardCharsets.UTF_8));
            whole.update((byte) '\n');
            var tree = json.readTree(line).path("enrichment");
            for (var field : tree.propertyNames()) {
                fields.computeIfAbsent(field, f -> sha256())
                        .update((article.articleId() + "\t" + tree.path(field) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        var hex = HexFormat.of();
        for (Map.Entry<String, MessageDigest> field : fields.entrySet()) {
            System.out.printf(
                    "%-20s %s%n", field.getKey(), hex.formatHex(field.getValue().digest()));
        }
        System.out.printf("%-20s %s%n", "EVENTS", hex.formatHex(whole.digest()));
        System.out.printf("%d articles enriched in %.1f s%n", articles.size(), seconds);
        if (args.length > 1) {
            Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
        }
    }

    static List<ArticleIngested> articles(Path dataFolder) {
        var articles = new ArrayList<ArticleIngested>();
        for (var bbc : BbcCorpus.read(dataFolder)) {
            articles.add(event(bbc.bbcClass() + "-" + bbc.number(), bbc.title(), bbc.body()));
        }
        for (String language : OTHER_LANGUAGES) {
            List<String> sentences = read(dataFolder.resolve("langid").resolve(language + ".txt"));
            for (int from = 0; from + SENTENCES_PER_ARTICLE <= sentences.size(); from += SENTENCES_PER_ARTICLE) {
                var group = sentences.subList(from, from + SENTENCES_PER_ARTICLE);
                articles.add(event(
                        language + "-" + from, group.getFirst(), String.join("\n\n", group.subList(1, group.size()))));
            }
        }
        return articles;
    }

    private static ArticleIngested event(String guid, String title, String body) {
        // A fixed event id (ArticleIngested.of draws a random one), so that whole events can be compared too.
        return new ArticleIngested(
                "digest-" + guid,
                ArticleIngested.SCHEMA_VERSION,
                guid,
                1,
                Instant.parse("2025-01-01T00:00:00Z"),
                "sha256:digest",
                Source.pushed("BBC News", "bbc.co.uk"),
                Article.of(title, body));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
