package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The metadata rules, each on a small page written for it. */
class MetadataRulesTest {

    private static final URI URL = URI.create("https://news.example.org/story/harbour");

    private final PageExtractor extractor = new PageExtractor();

    private ExtractedPage page(String head, String body) {
        return extractor.extract("<html><head>" + head + "</head><body>" + body + "</body></html>", URL);
    }

    private static String jsonLd(String fields) {
        return "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", " + fields + "}</script>";
    }

    @Test
    void anAgencyBesideAPersonIsNoAuthor() {
        var page = page(jsonLd("\"author\": [{\"@type\": \"Person\", \"name\": \"Jane Roe, Associated Press\"}]"), "");

        assertThat(page.authors()).containsExactly("Jane Roe");
    }

    @Test
    void aPaperNamedBesideItsWriterIsNoAuthor() {
        var page = page("<meta name=\"author\" content=\"Jane Roe | The Harbour Journal\">", "");

        assertThat(page.authors()).containsExactly("Jane Roe");
    }

    @Test
    void aPersonInTheBylineWinsOverAnOrganisationInTheMetadata() {
        var page = page(
                jsonLd("\"author\": {\"@type\": \"Organization\", \"name\": \"The Harbour Gazette\"}"),
                "<h1>Harbour bridge reopens after repairs</h1><span class=\"author\">Sam Writer</span>");

        assertThat(page.authors()).containsExactly("Sam Writer");
    }

    @Test
    void anOrganisationAloneIsTheByline() {
        var page = page(jsonLd("\"author\": {\"@type\": \"Organization\", \"name\": \"Harbour Staff\"}"), "");

        assertThat(page.authors()).containsExactly("Harbour Staff");
    }

    @Test
    void aDomainIsNoName() {
        var page = page(jsonLd("\"author\": \"harbour.example\""), "<span class=\"author\">Sam Writer</span>");

        assertThat(page.authors()).containsExactly("Sam Writer");
    }

    @Test
    void contributorsTheBylineNamesAreNoAuthors() {
        var page = page(
                jsonLd("\"author\": [{\"@type\": \"Person\", \"name\": \"Ann Writer\"},"
                        + " {\"@type\": \"Person\", \"name\": \"Bob Helper\"}]"),
                "<div class=\"byline\">By Ann Writer Contributions from Bob Helper published 3 May 2024</div>");

        assertThat(page.authors()).containsExactly("Ann Writer");
    }

    @Test
    void coAuthorsWithoutAContributionLineStayAuthors() {
        var page = page(
                jsonLd("\"author\": [{\"@type\": \"Person\", \"name\": \"Ann Writer\"},"
                        + " {\"@type\": \"Person\", \"name\": \"Bob Helper\"}]"),
                "<div class=\"byline\">By Ann Writer and Bob Helper, 3 May 2024</div>");

        assertThat(page.authors()).containsExactly("Ann Writer", "Bob Helper");
    }

    @Test
    void authorLinksAreTakenOnlyBesideTheFirstOne() {
        var page = page(
                "",
                "<article><h1>Harbour bridge reopens after repairs</h1>"
                        + "<p class=\"meta\"><a href=\"/author/ann-writer/\"><img src=\"ann.jpg\"></a></p>"
                        + "<p class=\"meta\">By <a href=\"/author/ann-writer/\">Ann Writer</a></p>"
                        + "<p>The bridge reopened on Tuesday.</p></article>"
                        + "<section><h5>Other story</h5><div>By <a href=\"/author/carl-other/\">Carl Other</a></div>"
                        + "</section>");

        assertThat(page.authors()).containsExactly("Ann Writer");
    }

    @Test
    void aBylineClassIsFoundAsAWordOfAClassList() {
        var page = page("", "<section class=\"jsx-3528870638 byline\">By Ann Writer, Bob Second</section>");

        assertThat(page.authors()).containsExactly("Ann Writer", "Bob Second");
    }

    @Test
    void anAuthorsBioBoxIsNoByline() {
        var page = page(
                "",
                "<div class=\"authors\">By Ann Writer</div>"
                        + "<div class=\"article__about-author d-flex\"><a href=\"/x\">Twitter</a></div>");

        assertThat(page.authors()).containsExactly("Ann Writer");
    }

    @Test
    void aDateJustUnderTheHeadlineDatesThePageWhateverItsClass() {
        var page = page(
                "",
                "<h1>Harbour bridge reopens after repairs</h1><style>.x{}</style>"
                        + "<div class=\"zk-91ab\"><span class=\"zk-1tk\">Ann Writer</span>"
                        + "<span class=\"zk-1tk\">Oct 17, 2023</span></div><p>The bridge reopened.</p>");

        assertThat(page.publishedDay()).contains(LocalDate.of(2023, 10, 17));
    }

    @Test
    void aDateInASentenceOfTheArticleIsNotItsDateline() {
        var page = page(
                "",
                "<h1>Harbour bridge reopens after repairs</h1>"
                        + "<p>The bridge, which first opened on March 5, 2001, was closed for four months of repairs.</p>");

        assertThat(page.publishedDay()).isEmpty();
    }

    @Test
    void theSiteNameIsCutFromTheTitleKeepingTheHeadlinesOwnSeparators() {
        var page = page(
                "<title>Review: The harbour bridge - Harbour Times</title>"
                        + "<meta property=\"og:site_name\" content=\"Harbour Times\">",
                "");

        assertThat(page.title()).isEqualTo("Review: The harbour bridge");
    }

    @Test
    void withoutASiteNameTheLongestPartIsTheHeadline() {
        var page = page("<title>Harbour bridge reopens after four months | HT</title>", "");

        assertThat(page.title()).isEqualTo("Harbour bridge reopens after four months");
    }

    @Test
    void theLabelsOfControlsBesideABylineAreNoNames() {
        var page = page("", "<div class=\"author\">Ann Writer</div><div class=\"author\">Edit Profile</div>");

        assertThat(page.authors()).containsExactly("Ann Writer");
    }

    @Test
    void aShortHeadlineOfItsOwnIsTheTitle() {
        var page = page(
                "<meta property=\"og:title\" content=\"A ghostly particle could unlock the harbour's potential\">",
                "<h1>The harbour phantom</h1><p>The bridge reopened.</p>");

        assertThat(page.title()).isEqualTo("The harbour phantom");
    }

    @Test
    void withoutAHeadlineTheTitleMostOfTheDeclaredOnesGiveWins() {
        var page = page(
                "<title>Ann Writer and Bob Second - Harbour Gossip</title>"
                        + "<meta name=\"title\" content=\"Ann Writer and Bob Second - Harbour Gossip\">"
                        + "<meta property=\"og:title\" content=\"Remember when Ann Writer and Bob Second met?\">"
                        + "<meta property=\"og:site_name\" content=\"Harbour Gossip\">",
                "");

        assertThat(page.title()).isEqualTo("Ann Writer and Bob Second");
    }

    @Test
    void theOneToldToIsTheAuthor() {
        var page = page(
                "",
                "<div class=\"article-author\"><a href=\"/people/sam\">Ann Subject as told to Sam Writer</a></div>");

        assertThat(page.authors()).containsExactly("Sam Writer");
    }

    @Test
    void aNameJustBeforeTheDatelineUnderTheHeadlineIsTheByline() {
        var page = page(
                "",
                "<h1>Harbour bridge reopens after repairs</h1><div class=\"x1a\"><span class=\"q7\">Sam Writer</span>"
                        + "<span class=\"q7\">Oct 17, 2023</span></div><p>The bridge reopened on Monday.</p>");

        assertThat(page.authors()).containsExactly("Sam Writer");
    }

    @Test
    void aSubheadingWithoutADatelineIsNoByline() {
        var page = page(
                "",
                "<h1>Harbour bridge reopens after repairs</h1><h2>Harbour Works Finished</h2>"
                        + "<p>The bridge reopened on Monday after two years of repairs.</p>");

        assertThat(page.authors()).isEmpty();
    }
}
