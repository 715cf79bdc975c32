package io.newsflow.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

@NamedComponent("portuguese")
public final class PortugueseAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new PortugueseAnalyzer();
    }
}
