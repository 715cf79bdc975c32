package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    static final String BILLION_LAUGHS =
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title>
            <item><title>&lol9;</title><link>https://news.example.com/a</link></item></channel></rss>
            """;

    private final FeedParser parser = new FeedParser();

    @Test
    void refusesBillionLaughsInMillisecondsWithBoundedMemory() {
        var runtime = Runtime.getRuntime();
        var usedBefore = runtime.totalMemory() - runtime.freeMemory();
        var started = System.nanoTime();

        assertThatThrownBy(() -> parse(BILLION_LAUGHS))
                .isInstanceOfSatisfying(
                        FeedParseException.class, e -> assertThat(e.refused()).isTrue())
                .hasMessageContaining("DTD");

        var millis = (System.nanoTime() - started) / 1_000_000;
        var grown = runtime.totalMemory() - runtime.freeMemory() - usedBefore;
        assertThat(millis).isLessThan(200);
        // Expanded, the title alone would be 3 GB; refusing costs at most a copy of the 1 KB document.
        assertThat(grown).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void refusesExternalEntities() {
        var xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                """;
        var parameterEntity =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>
                <rss version="2.0"><channel><title>x</title></channel></rss>
                """;

        for (var document : new String[] {xxe, parameterEntity}) {
            assertThatThrownBy(() -> parse(document))
                    .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.refused())
                            .isTrue());
        }
    }

    @Test
    void readsAFeedWithAnExternalDoctypeWithoutFetchingIt() throws Exception {
        try (var server = new LocalFeedServer()) {
            server.handle(
                    "/rss-0.91.dtd",
                    exchange -> LocalFeedServer.respond(exchange, 200, "text/plain", new byte[] {' '}));
            var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + server.url("/rss-0.91.dtd") + "\">\n"
                    + "<rss version=\"0.91\"><channel><title>Old</title><link>https://old.example.com/</link>"
                    + "<description>d</description><language>en</language>"
                    + "<item><title>One</title><link>https://old.example.com/1</link></item></channel></rss>";

            var feed = parse(document);

            assertThat(feed.items()).extracting(FeedItem::title).containsExactly("One");
            assertThat(server.requests("/rss-0.91.dtd")).isEmpty();
        }
    }

    @Test
    void mapsAnRssItemToEveryArticleField() throws Exception {
        var document =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Example News</title><link>https://news.example.com/</link>
                <item>
                  <title>  Storm hits coast  </title>
                  <link>/2025/storm</link>
                  <guid isPermaLink="false">storm-2025</guid>
                  <pubDate>Mon, 01 Sep 2025 08:00:00 GMT</pubDate>
                  <dc:creator>Jane Doe</dc:creator>
                  <category>Weather</category><category>UK</category>
                  <description>Short summary</description>
                  <content:encoded><![CDATA[<p>Full <b>story</b><script>alert(1)</script></p>]]></content:encoded>
                </item></channel></rss>
                """;

        var item = parse(document).items().getFirst();

        assertThat(item.title()).isEqualTo("Storm hits coast");
        assertThat(item.link()).isEqualTo("https://news.example.com/2025/storm");
        assertThat(item.guid()).isEqualTo("storm-2025");
        assertThat(item.published()).isEqualTo(Instant.parse("2025-09-01T08:00:00Z"));
        assertThat(item.authors()).containsExactly("Jane Doe");
        assertThat(item.categories()).containsExactly("Weather", "UK");
        assertThat(item.summary()).isEqualTo("Short summary");
        // HTML is data: carried verbatim, script included, for whoever renders it to sanitise.
        assertThat(item.content()).isEqualTo("<p>Full <b>story</b><script>alert(1)</script></p>");
    }

    @Test
    void mapsAnAtomEntryWithPublishedAndUpdatedDates() throws Exception {
        var document =
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
                <link href="https://atom.example.com/"/><id>urn:feed</id><updated>2025-09-02T00:00:00Z</updated>
                <entry><title type="html">Markets &amp;amp; more</title><id>urn:entry:1</id>
                  <link rel="alternate" href="https://atom.example.com/1"/>
                  <published>2025-09-01T08:00:00Z</published><updated>2025-09-01T09:30:00+01:00</updated>
                  <author><name>Ann</name></author><category term="Business"/>
                  <summary>Sum</summary><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>
                """;

        var feed = parse(document);
        var item = feed.items().getFirst();

        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(item.guid()).isEqualTo("urn:entry:1");
        assertThat(item.link()).isEqualTo("https://atom.example.com/1");
        assertThat(item.published()).isEqualTo(Instant.parse("2025-09-01T08:00:00Z"));
        assertThat(item.updated()).isEqualTo(Instant.parse("2025-09-01T08:30:00Z"));
        assertThat(item.authors()).containsExactly("Ann");
        assertThat(item.categories()).containsExactly("Business");
        assertThat(item.content()).isEqualTo("<p>Body</p>");
        assertThat(item.summary()).isEqualTo("Sum");
    }

    @Test
    void resolvesEntryLinksAgainstFeedAndEntryXmlBaseAndTheFeedUrl() throws Exception {
        var document =
                """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://cdn.example.com/news/">
                <title>Base</title>
                <entry><title>Feed base</title><id>1</id><link href="a.html"/></entry>
                <entry xml:base="/sport/"><title>Entry base</title><id>tag:x,2025:2</id><link href="b.html"/></entry>
                <entry xml:base="https://other.example.org/"><title>Absolute</title>
                  <link href="https://elsewhere.example.net/c"/></entry>
                </feed>
                """;
        var noBase =
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>No base</title>
                <entry><title>Feed URL</title><link href="/d?x=1"/></entry></feed>
                """;

        var items = parse(document).items();

        assertThat(items)
                .extracting(FeedItem::link)
                .containsExactly(
                        "https://cdn.example.com/news/a.html",
                        "https://cdn.example.com/sport/b.html",
                        "https://elsewhere.example.net/c");
        assertThat(items.getFirst().guid()).isEqualTo("https://cdn.example.com/news/1");
        assertThat(items.get(1).guid()).isEqualTo("tag:x,2025:2");
        assertThat(parse(noBase).items().getFirst().link()).isEqualTo("https://news.example.com/d?x=1");
    }

    @Test
    void resolvesRssLinksAgainstTheContentLocationOfTheResponse() throws Exception {
        var document = "<rss version=\"2.0\"><channel><title>T</title><link>/</link>"
                + "<item><title>Relative</title><link> /world/1 </link></item></channel></rss>";
        var documentUrl = FeedFetcher.Fetched.documentUrl(
                URI.create("https://news.example.com/rss"), "https://mirror.example.org/feeds/rss");

        var feed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, documentUrl, 10);

        assertThat(feed.link()).isEqualTo("https://mirror.example.org/");
        assertThat(feed.items().getFirst().link()).isEqualTo("https://mirror.example.org/world/1");
    }

    @Test
    void leavesBodiesAsCarriedButStripsActiveContentFromTitles() throws Exception {
        var document =
                """
                <rss version="2.0"><channel><title>Safe&lt;!-- hidden</title>
                <item><title>Storm &lt;b onclick="steal()"&gt;warning&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>
                <link>https://news.example.com/1</link>
                <description>&lt;a href="/rel" onclick="x()"&gt;more&lt;/a&gt;&lt;script&gt;alert(2)&lt;/script&gt;</description>
                </item></channel></rss>
                """;

        var feed = parse(document);
        var item = feed.items().getFirst();

        assertThat(feed.title()).isEqualTo("Safe");
        assertThat(item.title()).isEqualTo("Storm <b>warning</b>");
        assertThat(item.content()).isEqualTo("<a href=\"/rel\" onclick=\"x()\">more</a><script>alert(2)</script>");
    }

    @Test
    void readsAtomAndRssInNamespacesRomeDoesNotKnow() throws Exception {
        var atomWithoutNamespace = "<feed><title>Plain</title><entry><title>One</title><id>u:1</id></entry></feed>";
        var atom03InPie = "<feed version=\"0.3\" xmlns=\"http://purl.org/pie/\"><title>Pie</title>"
                + "<entry><title>Two</title><issued>2003-12-31T10:14:55Z</issued></entry></feed>";
        var userlandRss = "<rss xmlns=\"http://backend.userland.com/rss\"><channel><title>U</title>"
                + "<item><title>Three</title></item></channel></rss>";
        var rss21WithoutChannel = "<rss version=\"2.1\"><item><title>Four</title></item></rss>";

        assertThat(parse(atomWithoutNamespace).items().getFirst().title()).isEqualTo("One");
        assertThat(parse(atom03InPie).items().getFirst().published()).isEqualTo(Instant.parse("2003-12-31T10:14:55Z"));
        assertThat(parse(userlandRss).items().getFirst().title()).isEqualTo("Three");
        assertThat(parse(rss21WithoutChannel).items().getFirst().title()).isEqualTo("Four");
    }

    @Test
    void decodesBase64AtomTextAndLetTheLastOfRepeatedDatesWin() throws Exception {
        var atom03 =
                """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
                <title mode="base64">
                  RXhhbXBsZSA8Yj5BdG9tPC9iPg==
                </title>
                <issued>2004-01-01T19:48:21Z</issued><published>2010-01-01T19:48:21Z</published>
                </entry></feed>
                """;
        var atom10 =
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>
                <content type="application/octet-stream">PHA+Qm9keTwvcD4=</content>
                <updated>2010-12-01T10:14:55Z</updated><updated>2003-12-31T10:14:55Z</updated></entry></feed>
                """;

        var first = parse(atom03).items().getFirst();
        var second = parse(atom10).items().getFirst();

        assertThat(first.title()).isEqualTo("Example <b>Atom</b>");
        assertThat(first.published()).isEqualTo(Instant.parse("2010-01-01T19:48:21Z"));
        assertThat(second.content()).isEqualTo("<p>Body</p>");
        assertThat(second.updated()).isEqualTo(Instant.parse("2003-12-31T10:14:55Z"));
    }

    @Test
    void fallsBackToDublinCoreTitlesDescriptionsAndDcmiTermsDates() throws Exception {
        var document =
                """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
                <channel><dc:title>DC channel</dc:title>
                <item><dc:title>DC item</dc:title><dc:description>DC text</dc:description>
                <dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued>
                <dcterms:modified>2004-01-02T00:00:00Z</dcterms:modified></item></channel></rss>
                """;

        var feed = parse(document);
        var item = feed.items().getFirst();

        assertThat(feed.title()).isEqualTo("DC channel");
        assertThat(item.title()).isEqualTo("DC item");
        assertThat(item.content()).isEqualTo("DC text");
        assertThat(item.published()).isEqualTo(Instant.parse("2003-12-31T10:14:55Z"));
        assertThat(item.updated()).isEqualTo(Instant.parse("2004-01-02T00:00:00Z"));
    }

    @Test
    void takesADoctypeInsideTheDocumentForTextNotForADeclaration() throws Exception {
        var document = "<rss version=\"2.0\"><channel><title>T</title><item><title><![CDATA[<!DOCTYPE x []]></title>"
                + "<link>https://news.example.com/1</link></item></channel></rss>";

        var item = parse(document).items().getFirst();

        assertThat(item.title()).isEqualTo("<!DOCTYPE x [");
        assertThat(item.link()).isEqualTo("https://news.example.com/1");
    }

    @Test
    void resolvesLinksInsideTitleMarkupButNotInsideBodies() throws Exception {
        var document =
                """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.com/world/">
                <entry><title type="html">&lt;a href="story"&gt;Story&lt;/a&gt;</title>
                <content type="html">&lt;a href="story"&gt;Story&lt;/a&gt;</content></entry></feed>
                """;

        var item = parse(document).items().getFirst();

        assertThat(item.title()).isEqualTo("<a href=\"https://news.example.com/world/story\">Story</a>");
        assertThat(item.content()).isEqualTo("<a href=\"story\">Story</a>");
    }

    @Test
    void readsEscapedHtmlThatAPublisherWrappedInAnXhtmlDiv() throws Exception {
        var document =
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>
                <content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Example &lt;b&gt;Atom&lt;/b&gt;</div></content>
                </entry></feed>
                """;

        assertThat(parse(document).items().getFirst().content()).isEqualTo("Example <b>Atom</b>");
    }

    @Test
    void readsMediaRssItunesAndXhtmlBodyElementsWhereTheCoreOnesAreMissing() throws Exception {
        var document =
                """
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
                     xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"><channel><TiTlE>Podcast</TiTlE>
                <item><media:group><media:title>Video</media:title>
                  <media:description>Video description</media:description></media:group>
                  <itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category></item>
                <item><title>Full</title><description>Teaser</description>
                  <body xmlns="http://www.w3.org/1999/xhtml"><p>Full <b>text</b></p></body></item>
                </channel></rss>
                """;

        var feed = parse(document);
        var video = feed.items().getFirst();
        var full = feed.items().get(1);

        assertThat(feed.title()).isEqualTo("Podcast");
        assertThat(video.title()).isEqualTo("Video");
        assertThat(video.content()).isEqualTo("Video description");
        assertThat(video.categories()).containsExactly("Technology", "Gadgets");
        assertThat(full.content()).isEqualTo("<p>Full <b>text</b></p>");
        assertThat(full.summary()).isEqualTo("Teaser");
    }

    @Test
    void readsMicrosoftCdfAsRss() throws Exception {
        var document =
                """
                <CHANNEL BASE="https://intranet.example.com/" HREF="https://intranet.example.com/news">
                  <TITLE>Intranet</TITLE>
                  <ITEM HREF="/item/1" LASTMOD="2004-04-06T23:05:43-05:00">
                    <TITLE>Item one</TITLE><ABSTRACT>Abstract</ABSTRACT>
                  </ITEM>
                </CHANNEL>
                """;

        var feed = parse(document);
        var item = feed.items().getFirst();

        assertThat(feed.title()).isEqualTo("Intranet");
        assertThat(item.title()).isEqualTo("Item one");
        assertThat(item.link()).isEqualTo("https://intranet.example.com/item/1");
        assertThat(item.content()).isEqualTo("Abstract");
        assertThat(item.updated()).isEqualTo(Instant.parse("2004-04-07T04:05:43Z"));
    }

    @Test
    void readsAtom03PlainTextAsTextAndC1CharacterReferencesAsWindows1252() throws Exception {
        var atom03 =
                """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
                <title>AT&amp;T and the &lt;blink&gt; tag</title>
                <summary type="text/plain">don&#146;t</summary></entry></feed>
                """;

        var item = parse(atom03).items().getFirst();

        assertThat(item.title()).isEqualTo("AT&T and the <blink> tag");
        assertThat(item.content()).isEqualTo("don\u2019t");
    }

    @Test
    void sanitisesAHostileTitleInLinearTime() throws Exception {
        var hostile = "<script <iframe <b onclick=\"".repeat(40_000) + "<!--";
        var started = System.nanoTime();

        var title = FeedParser.safeTitle("News " + hostile);

        assertThat(title).isEqualTo("News");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void readsJsonFeed() throws Exception {
        var bytes = Files.readAllBytes(Path.of("src/test/resources/feeds/feedparser/json/example.json"));

        var feed = parser.parse(bytes, "application/feed+json", URI.create("https://example.org/feed.json"), 10);

        assertThat(feed.format()).startsWith("json_");
        assertThat(feed.items()).isNotEmpty().allSatisfy(item -> assertThat(item.guid())
                .isNotNull());
    }

    @Test
    void takesNoMoreThanTheItemCap() throws Exception {
        var document = LocalFeedServer.rss("Many", "https://a.example/1", "https://a.example/2", "https://a.example/3");

        var feed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null, 2);

        assertThat(feed.items())
                .extracting(FeedItem::link)
                .containsExactly("https://a.example/1", "https://a.example/2");
        assertThat(feed.truncated()).isTrue();
    }

    @Test
    void readsHtmlEntitiesInAFeedWithoutDtdLeniently() throws Exception {
        var document = "<rss version=\"2.0\"><channel><title>Caf&eacute; &amp; Bar&nbsp;News</title>"
                + "<item><title>Na&iuml;ve &mdash; test</title><link>https://e.example/1</link></item></channel></rss>";

        var feed = parse(document);

        assertThat(feed.title()).isEqualTo("Café & Bar\u00a0News");
        assertThat(feed.items().getFirst().title()).isEqualTo("Naïve — test");
    }

    @Test
    void refusesAnHtmlPageWithAClearError() {
        assertThatThrownBy(() -> parse("<html><head><title>Sorry</title></head><body><p>Not found</body></html>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a readable RSS or Atom feed");
    }

    private ParsedFeed parse(String document) throws FeedParseException {
        return parser.parse(
                document.getBytes(StandardCharsets.UTF_8),
                "application/xml",
                URI.create("https://news.example.com/rss"),
                100);
    }
}
