package io.newsflow.enrich.entities;

import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * OpenNLP's window feature generator (same features: it is one), built in place of OpenNLP's factory so that
 * {@link ParameterContexts} can see its inner generator and its lengths, which OpenNLP keeps private. Only
 * {@link NameFinder} builds descriptors with it; models are still written with OpenNLP's class name.
 */
public final class WordWindowFeatures extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    public WordWindowFeatures() {}

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        if (!(args.get("generator#0") instanceof AdaptiveFeatureGenerator inner)) {
            throw new InvalidFormatException("window feature generator must contain an aggregator element");
        }
        return new Window(inner, getInt("prevLength"), getInt("nextLength"));
    }

    static final class Window extends WindowFeatureGenerator {

        final AdaptiveFeatureGenerator inner;
        final int previous;
        final int next;

        Window(AdaptiveFeatureGenerator inner, int previous, int next) {
            super(inner, previous, next);
            this.inner = inner;
            this.previous = previous;
            this.next = next;
        }
    }
}
