package io.newsflow.enrich.entities;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * A name finder feature: the cluster of the lower-cased token, from a word clustering stored inside the model.
 *
 * <p>Ours rather than OpenNLP's {@code WordClusterFeatureGeneratorFactory} because OpenNLP 2.5.4's cluster dictionary
 * closes the model's zip stream when it is written and when it is read, so a model with its clusters could be neither
 * saved nor loaded. Named by class in the feature descriptor: {@code <str name="dict">} names the clustering resource.
 */
public final class WordClusterFeatures extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    public WordClusterFeatures() {}

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        if (resourceManager == null) {
            // OpenNLP first instantiates the descriptor without resources, only to collect the serializers.
            return null;
        }
        String name = getStr("dict");
        if (!(resourceManager.getResource(name) instanceof Clusters clusters)) {
            throw new InvalidFormatException("not a word clustering: " + name);
        }
        return new ClusterFeature(clusters, "cl" + name + "=");
    }

    /** A class of its own, so that {@link ParameterContexts} knows it depends on the token alone. */
    record ClusterFeature(Clusters clusters, String prefix) implements AdaptiveFeatureGenerator {

        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            String cluster = clusters.clusterOf(tokens[index].toLowerCase(Locale.ROOT));
            if (cluster != null) {
                features.add(prefix + cluster);
            }
        }
    }

    @Override
    public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
        return Map.of(getStr("dict"), new ClustersSerializer());
    }

    /** Word to cluster id; written as sorted "word cluster" lines. */
    public static final class Clusters implements SerializableArtifact {

        private final Map<String, String> clusterByWord;

        Clusters(Map<String, String> clusterByWord) {
            this.clusterByWord = new TreeMap<>(clusterByWord);
        }

        public static Clusters parse(List<String> lines) {
            var clusters = new TreeMap<String, String>();
            for (String line : lines) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2) {
                    clusters.put(parts[0], parts[1].intern());
                }
            }
            return new Clusters(clusters);
        }

        String clusterOf(String word) {
            return clusterByWord.get(word);
        }

        int size() {
            return clusterByWord.size();
        }

        @Override
        public Class<?> getArtifactSerializerClass() {
            return ClustersSerializer.class;
        }
    }

    /** Reads and writes without closing the model's stream. */
    public static final class ClustersSerializer implements ArtifactSerializer<Clusters> {

        public ClustersSerializer() {}

        @Override
        public Clusters create(InputStream in) throws IOException {
            byte[] bytes = in.readAllBytes();
            return Clusters.parse(
                    new String(bytes, StandardCharsets.UTF_8).lines().toList());
        }

        @Override
        public void serialize(Clusters artifact, OutputStream out) throws IOException {
            var text = new StringBuilder();
            artifact.clusterByWord.forEach((word, cluster) ->
                    text.append(word).append(' ').append(cluster).append('\n'));
            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)).transferTo(out);
        }
    }
}
