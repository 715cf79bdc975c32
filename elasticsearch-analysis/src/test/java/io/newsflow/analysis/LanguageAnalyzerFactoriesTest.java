package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageAnalyzerFactoriesTest {

    private static final Path NAMED_COMPONENTS = Path.of("src/main/plugin/named_components.json");
    private static final Pattern ENTRY = Pattern.compile("\"([a-z]+)\"\\s*:\\s*\"([\\w.]+)\"");

    /** The analyzers search-service's ArticleIndex puts on the language sub-fields. */
    private static final List<String> BUILT_IN_NAMES =
            List.of("english", "german", "french", "spanish", "italian", "dutch", "portuguese");

    @Test
    void namedComponentsListEveryFactoryUnderTheNameOfItsAnnotation() throws Exception {
        Map<String, String> declared = namedComponents();

        assertThat(declared.keySet()).containsExactlyElementsOf(BUILT_IN_NAMES);
        for (Map.Entry<String, String> component : declared.entrySet()) {
            Class<?> factory = Class.forName(component.getValue());
            assertThat(AnalyzerFactory.class).isAssignableFrom(factory);
            assertThat(factory.getAnnotation(NamedComponent.class).value()).isEqualTo(component.getKey());
        }
        assertThat(declared.values()).containsExactlyInAnyOrderElementsOf(factoryClassesInThisPackage());
    }

    @ParameterizedTest
    @CsvSource({
        "english, floods, flooding",
        "german, Überschwemmung, Überschwemmungen",
        "french, inondation, inondations",
        "spanish, inundación, inundaciones",
        "italian, alluvione, alluvioni",
        "dutch, overstroming, overstromingen",
        "portuguese, inundação, inundações"
    })
    void inflectedFormsOfAWordShareOneStem(String name, String word, String inflected) throws Exception {
        AnalyzerFactory factory = (AnalyzerFactory)
                Class.forName(namedComponents().get(name)).getConstructor().newInstance();

        try (Analyzer analyzer = factory.create()) {
            assertThat(tokens(analyzer, inflected)).isEqualTo(tokens(analyzer, word));
            assertThat(tokens(analyzer, inflected)).doesNotContain(inflected.toLowerCase());
        }
    }

    @Test
    void englishDropsItsDefaultStopwords() throws Exception {
        try (Analyzer analyzer = new EnglishAnalyzerFactory().create()) {
            assertThat(tokens(analyzer, "the villages of the valley")).containsExactly("villag", "vallei");
        }
    }

    private static Map<String, String> namedComponents() throws IOException {
        Map<String, String> components = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(Files.readString(NAMED_COMPONENTS));
        while (entry.find()) {
            components.put(entry.group(1), entry.group(2));
        }
        return components;
    }

    private static List<String> factoryClassesInThisPackage() throws IOException {
        try (Stream<Path> classes = Files.list(Path.of("target/classes/io/newsflow/analysis"))) {
            return classes.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith("AnalyzerFactory.class"))
                    .map(file -> "io.newsflow.analysis." + file.substring(0, file.length() - ".class".length()))
                    .toList();
        }
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }
}
