package io.newsflow.enrich.entities;

/**
 * One span the name finder tagged, as written in the article.
 *
 * @param type PER, ORG or LOC
 * @param text the words of the span, separated by single spaces
 * @param sentenceInitial whether the span opens its sentence (its capitalisation then says less)
 */
record Mention(String type, String text, boolean sentenceInitial) {}
