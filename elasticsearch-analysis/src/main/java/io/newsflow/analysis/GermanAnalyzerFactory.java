package io.newsflow.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

@NamedComponent("german")
public final class GermanAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new GermanAnalyzer();
    }
}
