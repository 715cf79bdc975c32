package io.newsflow.search.stories;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One story as a reader follows it: its articles in the order they were published, the sources that told it, and the
 * entities and tags it is most about.
 *
 * @param title the title of its first article
 * @param entities by field ({@code people}, {@code organizations}, {@code places}, {@code tags}), the most frequent
 *     first
 */
@Schema(description = "A story: its articles in time order, its sources and its top entities")
public record StoryDetail(
        String id,
        String title,
        long size,
        List<Article> articles,
        List<Count> sources,
        Map<String, List<Count>> entities) {

    @Schema(description = "An article of the story")
    public record Article(String id, String title, String source, Instant publishedAt, String url, String language) {}

    @Schema(description = "A value and how many of the story's articles have it")
    public record Count(String value, long count) {}
}
