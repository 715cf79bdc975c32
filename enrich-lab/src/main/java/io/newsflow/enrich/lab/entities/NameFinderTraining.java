package io.newsflow.enrich.lab.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
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
        int cutoff,
        int beamSize) {

    /** OpenNLP's name finder as it comes: default features, BIO, maxent (GIS), 100 iterations, cutoff 5, beam 3. */
    static NameFinderTraining openNlpDefaults() {
        return new NameFinderTraining(
                "baseline: OpenNLP defaults", null, Map.of(), false, "MAXENT", 100, 5, NameFinderME.DEFAULT_BEAM_SIZE);
    }

    NameFinderTraining with(String newName, String descriptor, Map<String, Object> newResources) {
        return new NameFinderTraining(
                newName, descriptor, newResources, bilou, algorithm, iterations, cutoff, beamSize);
    }

    NameFinderTraining withTrainer(
            String newName, boolean useBilou, String newAlgorithm, int newIterations, int newCutoff) {
        return new NameFinderTraining(
                newName, featureDescriptor, resources, useBilou, newAlgorithm, newIterations, newCutoff, beamSize);
    }

    /** The beam the model decodes with; it is stored in the model, so it is chosen at training time. */
    NameFinderTraining withBeamSize(int newBeamSize) {
        return new NameFinderTraining(
                name, featureDescriptor, resources, bilou, algorithm, iterations, cutoff, newBeamSize);
    }

    TokenNameFinderModel train(List<NameSample> samples) throws IOException {
        return train(samples, "en");
    }

    TokenNameFinderModel train(List<NameSample> samples, String language) throws IOException {
        var parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        parameters.put(BeamSearch.BEAM_SIZE_PARAMETER, beamSize);
        var factory = TokenNameFinderFactory.create(
                null,
                featureDescriptor == null ? null : featureDescriptor.getBytes(StandardCharsets.UTF_8),
                resources,
                bilou ? new BilouCodec() : new BioCodec());
        return NameFinderME.train(language, null, ObjectStreamUtils.createObjectStream(samples), parameters, factory);
    }
}
