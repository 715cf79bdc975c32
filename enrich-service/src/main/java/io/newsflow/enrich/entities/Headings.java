package io.newsflow.enrich.entities;

import java.util.regex.Pattern;

/**
 * Tells a heading from running text: a short line that does not end like a sentence and capitalises every longer word
 * ("U.S. and NATO Role", "Paris Summit on September 4"). A name finder trained on sentences reads such a line as one
 * long name, so its spans there are checked against the rest of the article ({@link MentionMerger}).
 */
final class Headings {

    private static final int MAX_WORDS = 10;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;,\"”’…)]\\s*$");

    private Headings() {}

    static boolean isHeading(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || SENTENCE_END.matcher(stripped).matches()) {
            return false;
        }
        String[] words = stripped.split("\\s+");
        if (words.length < 2 || words.length > MAX_WORDS || !Character.isUpperCase(words[0].codePointAt(0))) {
            return false;
        }
        for (String word : words) {
            // Short words ("on", "and", "of") stay lower case in title case.
            if (word.length() > 3
                    && Character.isLetter(word.codePointAt(0))
                    && !Character.isUpperCase(word.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }
}
