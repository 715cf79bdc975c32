package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.summary.Summarizer;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The enrichment without Kafka: the analysers and the {@link Enricher}, given an {@code EnrichProperties} bean. The
 * service's component scan includes it; the offline tools (enrich-lab) start it on its own, so that they measure the
 * components wired exactly as the service wires them and the components need no public constructors.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackageClasses = {
            LanguageDetector.class,
            KeywordExtractor.class,
            CategoryClassifier.class,
            Summarizer.class,
            EntityExtractor.class
        })
@Import(Enricher.class)
public class EnrichmentConfiguration {}
