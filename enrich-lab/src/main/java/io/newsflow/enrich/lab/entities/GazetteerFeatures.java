package io.newsflow.enrich.lab.entities;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * A name finder feature: whether the token is the start or the inside of a gazetteer name (case-insensitive, longest
 * match), from a list of names stored inside the model. Ours rather than OpenNLP's dictionary feature for the same
 * reason as {@link io.newsflow.enrich.entities.WordClusterFeatures}: its artifact closes the model's stream.
 */
public final class GazetteerFeatures extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    static final String COUNTRIES_AND_CAPITALS = "countries-and-capitals.txt";

    public GazetteerFeatures() {}

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        if (resourceManager == null) {
            return null;
        }
        String name = getStr("dict");
        if (!(resourceManager.getResource(name) instanceof Names names)) {
            throw new InvalidFormatException("not a gazetteer: " + name);
        }
        return (features, tokens, index, previousOutcomes) -> {
            for (int start = Math.max(0, index - names.longest + 1); start <= index; start++) {
                for (int end = Math.min(tokens.length, start + names.longest); end > index; end--) {
                    if (names.contains(tokens, start, end)) {
                        features.add("gaz" + name + "=" + (start == index ? "B" : "I"));
                        return;
                    }
                }
            }
        };
    }

    @Override
    public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
        return Map.of(getStr("dict"), new NamesSerializer());
    }

    static Names countriesAndCapitals() {
        try (InputStream in =
                Objects.requireNonNull(GazetteerFeatures.class.getResourceAsStream(COUNTRIES_AND_CAPITALS))) {
            return new NamesSerializer().create(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-cased names, their words separated by single spaces. */
    public static final class Names implements SerializableArtifact {

        private final TreeSet<String> names;
        private final int longest;

        Names(List<String> lines) {
            this.names = new TreeSet<>();
            int words = 1;
            for (String line : lines) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    String[] parts = name.toLowerCase(Locale.ROOT).split("\\s+");
                    names.add(String.join(" ", parts));
                    words = Math.max(words, parts.length);
                }
            }
            this.longest = words;
        }

        boolean contains(String[] tokens, int start, int end) {
            return names.contains(
                    String.join(" ", Arrays.copyOfRange(tokens, start, end)).toLowerCase(Locale.ROOT));
        }

        @Override
        public Class<?> getArtifactSerializerClass() {
            return NamesSerializer.class;
        }
    }

    /** Reads and writes without closing the model's stream. */
    public static final class NamesSerializer implements ArtifactSerializer<Names> {

        public NamesSerializer() {}

        @Override
        public Names create(InputStream in) throws IOException {
            return new Names(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        }

        @Override
        public void serialize(Names artifact, OutputStream out) throws IOException {
            String text = String.join("\n", artifact.names) + "\n";
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)).transferTo(out);
        }
    }
}
