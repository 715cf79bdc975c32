package io.newsflow.enrich.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * One way to train OpenNLP's name finder: a feature generator descriptor (null for OpenNLP's defaults), the resources
 * it names (word clusters, dictionaries), the label encoding and the trainer's parameters.
 */
record NameFinderTraining(
        String name,
        String featureDescriptor,
        Map<String, Object> resources,
        boolean bilou,
        String algorithm,
        int iterations,
        int cutoff) {

    /** OpenNLP's name finder as it comes: default features, BIO, maxent (GIS), 100 iterations, cutoff 5. */
    static NameFinderTraining openNlpDefaults() {
        return new NameFinderTraining("baseline: OpenNLP defaults", null, Map.of(), false, "MAXENT", 100, 5);
    }

    NameFinderTraining with(String newName, String descriptor, Map<String, Object> newResources) {
        return new NameFinderTraining(newName, descriptor, newResources, bilou, algorithm, iterations, cutoff);
    }

    NameFinderTraining withTrainer(
            String newName, boolean useBilou, String newAlgorithm, int newIterations, int newCutoff) {
        return new NameFinderTraining(
                newName, featureDescriptor, resources, useBilou, newAlgorithm, newIterations, newCutoff);
    }

    TokenNameFinderModel train(List<NameSample> samples) throws IOException {
        var parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        var factory = TokenNameFinderFactory.create(
                null,
                featureDescriptor == null ? null : featureDescriptor.getBytes(StandardCharsets.UTF_8),
                resources,
                bilou ? new BilouCodec() : new BioCodec());
        return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), parameters, factory);
    }
}
