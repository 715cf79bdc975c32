/**
 * Elasticsearch's built-in language analyzers, as a stable plugin for the integ-test distribution we run locally: that
 * distribution lacks the analysis-common module that defines them, but ships Lucene's analyzers in its lib/. Each
 * factory is named like the built-in analyzer and returns Lucene's analyzer for that language with its default
 * stopwords, which is what backs the built-in one, so an index template that says {@code "analyzer": "english"} gets
 * stemmed text on the local node as on the official image. Never install this plugin where analysis-common exists: the names would clash.
 */
package io.newsflow.analysis;
