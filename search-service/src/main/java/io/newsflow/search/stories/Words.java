package io.newsflow.search.stories;

import java.util.Set;

/** The words of an article, worked out when first needed: most articles never meet a near duplicate. */
final class Words {

    private final String title;
    private final String text;
    // recent candidates are shared by the consumer threads; computing the words twice is harmless
    private volatile Set<String> words;

    Words(String title, String text) {
        this.title = title;
        this.text = text;
    }

    Words(Set<String> words) {
        this(null, null);
        this.words = words;
    }

    Set<String> get() {
        var value = words;
        if (value == null) {
            value = StoryAssigner.words(title, text);
            words = value;
        }
        return value;
    }
}
