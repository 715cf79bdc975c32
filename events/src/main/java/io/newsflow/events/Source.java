package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Who published an article and how it reached us.
 *
 * @param name the publication's name, e.g. "BBC News"
 * @param domain the publication's web domain, e.g. "bbc.co.uk"
 * @param feedUrl the feed the article was polled from, or {@code null} when it was pushed through the API
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Source(String name, String domain, String feedUrl) {

    public static Source pushed(String name, String domain) {
        return new Source(name, domain, null);
    }
}
