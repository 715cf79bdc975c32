package io.newsflow.enrich.entities;

/**
 * One span the name finder tagged, as written in the article.
 *
 * @param type PER, ORG or LOC
 * @param text the words of the span, separated by single spaces
 * @param sentenceInitial whether the span opens its sentence (its capitalisation then says less)
 * @param heading whether the span stands in a heading, where every word is capitalised and names run into the
 *     heading's other words ("NATO Role")
 * @param previous the word before the span, lower case, or empty at the start of a sentence
 */
record Mention(String type, String text, boolean sentenceInitial, boolean heading, String previous) {

    Mention(String type, String text, boolean sentenceInitial) {
        this(type, text, sentenceInitial, false, "");
    }
}
