package io.newsflow.extraction.lab;

import io.newsflow.extraction.lab.Pages.Page;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * The plain baseline for metadata: the {@code <title>} tag as the title, the first date-like meta tag's day as the
 * date, the {@code author} meta tag as the authors.
 */
record PlainMetadata(String title, String day, List<String> authors) {

    private static final String DATE_META = "meta[property=article:published_time], meta[name=pubdate], "
            + "meta[name=publishdate], meta[name=date], meta[name=dc.date], meta[itemprop=datePublished]";

    static PlainMetadata of(Page page) {
        var document = Jsoup.parse(page.html(), page.url().toString());
        var date = document.select(DATE_META).attr("content").strip();
        var day = date.matches("\\d{4}-\\d{2}-\\d{2}.*") ? date.substring(0, 10) : "";
        var author = document.select("meta[name=author]").attr("content").strip();
        return new PlainMetadata(document.title().strip(), day, author.isEmpty() ? List.of() : List.of(author));
    }
}
