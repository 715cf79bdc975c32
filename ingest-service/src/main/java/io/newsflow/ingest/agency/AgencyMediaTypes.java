package io.newsflow.ingest.agency;

/** The media types under which {@code POST /api/v1/articles} takes agency items. */
public final class AgencyMediaTypes {

    /** IPTC's registered media type of a NewsML-G2 news item. */
    public static final String NEWSML_G2 = "application/vnd.iptc.g2.newsitem+xml";

    /**
     * ninjs has no registered media type; this is the one its users name. A {@code version} parameter (e.g. {@code
     * application/ninjs+json; version=2.1}) says which release's schema the document follows.
     */
    public static final String NINJS = "application/ninjs+json";

    private AgencyMediaTypes() {}
}
