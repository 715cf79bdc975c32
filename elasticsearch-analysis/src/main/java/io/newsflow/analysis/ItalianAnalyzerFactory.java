package io.newsflow.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

@NamedComponent("italian")
public final class ItalianAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new ItalianAnalyzer();
    }
}
