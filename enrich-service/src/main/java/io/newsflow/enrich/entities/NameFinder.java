package io.newsflow.enrich.entities;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.namefind.DefaultNameContextGenerator;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory;

/**
 * What OpenNLP's {@code NameFinderME.find} does (the model's beam search over its feature generators, the adaptive data
 * of the article updated after each sentence, the outcomes decoded into spans with their mean probability), with the
 * model (a perceptron, or a maxent model trained by GIS) scored through {@link ParameterContexts}: each word's features
 * mapped to the model's parameters once, instead of their names built and looked up per token and per path of the beam.
 * The features and scores, hence the spans, are those of OpenNLP's name finder; only the work to compute them is less.
 * Not thread-safe: one per thread.
 *
 * <p>Left out: NameFinderME's window of "additional context" features, which only produce features when a caller
 * passes additional context, and {@code find} never does.
 */
final class NameFinder {

    private static final String DESCRIPTOR = "generator.featuregen";
    private static final String MODEL = "nameFinder.model";
    private static final String BEAM_SIZE = "BeamSize";
    private static final String[][] NO_ADDITIONAL_CONTEXT = new String[0][0];

    private final SequenceClassificationModel model;
    private final SequenceCodec<String> codec;
    private final SequenceValidator<String> validator;
    private final NameContextGenerator context;

    NameFinder(TokenNameFinderModel model) {
        this.codec = model.getFactory().createSequenceCodec();
        this.validator = codec.createSequenceValidator();
        if (!(model.<Object>getArtifact(DESCRIPTOR) instanceof byte[] descriptor)) {
            throw new IllegalStateException("the name finder model has no feature descriptor " + DESCRIPTOR);
        }
        String xml = new String(descriptor, StandardCharsets.UTF_8)
                .replace(WindowFeatureGeneratorFactory.class.getName(), WordWindowFeatures.class.getName());
        AdaptiveFeatureGenerator features;
        try {
            features = GeneratorFactory.create(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), model::getArtifact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the name finder's feature generators", e);
        }
        var parameters = ParameterContexts.of(features, model.<Object>getArtifact(MODEL));
        if (parameters.isPresent()) {
            // As TokenNameFinderModel.getNameFinderSequenceModel, scored through the model's parameters.
            var contexts = parameters.get();
            String beam = model.getManifestProperty(BEAM_SIZE);
            this.model =
                    new BeamSearch(beam == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam), contexts);
            this.context = contexts;
        } else {
            this.model = model.getNameFinderSequenceModel();
            this.context = new DefaultNameContextGenerator(features);
        }
    }

    Span[] find(String[] tokens) {
        Sequence best = model.bestSequence(tokens, NO_ADDITIONAL_CONTEXT, context, validator);
        List<String> outcomes = best.getOutcomes();
        context.updateAdaptiveData(tokens, outcomes.toArray(new String[0]));
        Span[] spans = codec.decode(outcomes);
        double[] probabilities = best.getProbs();
        for (int s = 0; s < spans.length; s++) {
            double sum = 0;
            for (int t = spans[s].getStart(); t < spans[s].getEnd(); t++) {
                sum += probabilities[t];
            }
            spans[s] = new Span(spans[s], sum / spans[s].length());
        }
        return spans;
    }

    /** Whether this finder scores through {@link ParameterContexts} (else as OpenNLP does). */
    boolean scoresThroughParameters() {
        return context instanceof ParameterContexts;
    }

    void clearAdaptiveData() {
        context.clearAdaptiveData();
    }
}
