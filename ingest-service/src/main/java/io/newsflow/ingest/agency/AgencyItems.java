package io.newsflow.ingest.agency;

import io.newsflow.ingest.intake.ArticleIntake.Submission;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Reads the agency formats {@code POST /api/v1/articles} takes besides its own JSON. */
@Component
public class AgencyItems {

    private static final MediaType NEWSML_G2 = MediaType.parseMediaType(AgencyMediaTypes.NEWSML_G2);
    private static final MediaType NINJS = MediaType.parseMediaType(AgencyMediaTypes.NINJS);

    private final NewsMlG2Reader newsMl = new NewsMlG2Reader();
    private final NinjsReader ninjs = new NinjsReader();

    /**
     * @throws InvalidAgencyItemException when the item is malformed, breaks its schema or carries no article
     * @throws IllegalArgumentException when the media type is none of {@link AgencyMediaTypes}
     */
    public Submission read(MediaType contentType, byte[] body) {
        if (NEWSML_G2.equalsTypeAndSubtype(contentType)) {
            return newsMl.read(body);
        }
        if (NINJS.equalsTypeAndSubtype(contentType)) {
            return ninjs.read(body, contentType.getParameter("version"));
        }
        throw new IllegalArgumentException("Not an agency format: " + contentType);
    }
}
