package io.newsflow.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

@NamedComponent("dutch")
public final class DutchAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new DutchAnalyzer();
    }
}
