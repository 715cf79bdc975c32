package io.newsflow.ingest.sitemap;

/** A document that claimed to be a sitemap could not be read as one. */
public class SitemapException extends Exception {

    public SitemapException(String message) {
        super(message);
    }
}
