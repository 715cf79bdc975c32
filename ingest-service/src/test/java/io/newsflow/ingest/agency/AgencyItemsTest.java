package io.newsflow.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.newsflow.ingest.agency.AgencyCorpus.Sample;
import io.newsflow.ingest.agency.InvalidAgencyItemException.Kind;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/** The IPTC's examples and schema unit-test items, read as the push API reads them. */
class AgencyItemsTest {

    private static final AgencyItems items = new AgencyItems();
    private static final MediaType G2 = MediaType.parseMediaType(AgencyMediaTypes.NEWSML_G2);

    /** The G2 examples that carry text: news items with a headline and inline content or a description. */
    static final Set<String> G2_ARTICLES = Set.of(
            "LISTING_2_NewsML-G2_Text_Document.xml",
            "LISTING_3_Photo_in_NewsML-G2.xml",
            "LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml",
            "LISTING_5_Multi-part_Video_in_NewsML-G2.xml",
            "LISTING_21_A_complete_sample_SportsML-G2_document.xml",
            "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
            "LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml",
            "LISTING_27_Company_Financial_Information.xml",
            "Receiver View.xml");

    /**
     * Guideline listings that are excerpts (their root is a contentSet, contentMeta or groupSet) or, for the news
     * message, whose package item lacks the attributes 2.35 requires: not valid documents.
     */
    static final Set<String> G2_NOT_VALID = Set.of(
            "LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml",
            "LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml",
            "LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml",
            "LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
            "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
            "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml");

    /** ninjs examples the IPTC marks as not valid against their release (see the data's README). */
    static final Set<String> NINJS_NOT_VALID = Set.of(
            "ninjs/examples/2.1/schema-extension/extension-example.json",
            "ninjs/examples/2.1/schema-extension/extension-schema.json",
            "ninjs/examples/3.0/collection/20231016-event-timeline-sample.json");

    /** Events, planning items and pictures or videos without any text: valid ninjs, but no article. */
    static final Set<String> NINJS_NO_ARTICLE = Set.of(
            "ninjs/documentation/examples/2.2/002_renditions_example.json",
            "ninjs/documentation/examples/3.1/002_renditions_example.json",
            "ninjs/documentation/examples/3.1/008_event.json",
            "ninjs/documentation/examples/1.6/002_renditions_example.json",
            "ninjs/examples/3.0/20231004-UEFA-ChampionLeague.json",
            "ninjs/examples/3.0/20231005-65-addb-event.json",
            "ninjs/examples/3.0/20231016-addb-example-press-conference.json",
            "ninjs/examples/3.0/simpleEvent.json");

    @Test
    void mapsANewsMlG2TextItemOntoTheArticle() {
        var submission = items.read(G2, sample("newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml"));

        var article = submission.article();
        assertThat(article.guid()).isEqualTo("urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
        assertThat(submission.version()).isEqualTo(11);
        assertThat(article.title()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(article.authors()).containsExactly("Meredith Jameson");
        assertThat(article.tags())
                .containsExactly("economy, business and finance", "central bank", "money and monetary policy");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2016-11-21T20:21:06Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2018-11-21T21:22:45Z"));
        assertThat(article.language()).isEqualTo("en-US");
        assertThat(article.body())
                .startsWith("<p>(New York, NY - October 21) Et, sent luptat")
                .endsWith("si.\n                       </p>");
        assertThat(article.body()).doesNotContain("hl1", "byline");
    }

    @Test
    void mapsANinjs1TextItemOntoTheArticle() {
        var submission = items.read(ninjs("1.4"), sample("ninjs/examples/1.4/ninjsExSimpleText1.json"));

        var article = submission.article();
        assertThat(article.guid()).isEqualTo("http://ninjs.example.com/newsitems/20130709simp123");
        assertThat(article.title()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
        assertThat(article.authors()).containsExactly("Paulo Santalucia and Frances d'Emilio");
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2013-07-09T10:37:00Z"));
        assertThat(article.body()).startsWith("<p>GROSSETO, Italy (AP) -- The trial of the captain");
    }

    @Test
    void mapsANinjs3TextItemOntoTheArticleAndTellsItsVersionFromItsPropertyNames() {
        var submission = items.read(ninjs(null), sample("ninjs/examples/3.0/ntb_text.json"));

        var article = submission.article();
        assertThat(article.guid()).isEqualTo("urn:8d19cf88-b3ab-4972-8fec-1207599f2872");
        assertThat(submission.version()).isEqualTo(6);
        assertThat(article.title()).isEqualTo("Google har kjøpt giganttomt i Skien");
        assertThat(article.authors()).containsExactly("NTB");
        assertThat(article.tags()).containsExactly("Innenriks", "Teknologi", "Industri", "Olje og energi");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2019-08-09T09:30:04Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2019-08-09T09:46:53Z"));
        assertThat(article.language()).isEqualTo("nb-NO");
        assertThat(article.body()).startsWith("IT-giganten Google har kjøpt en tomt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newsMlExamples")
    void everyNewsMlG2ExampleIsAnArticleOrRefusedWithItsReason(Sample sample) {
        var name = sample.path().getFileName().toString();
        if (G2_ARTICLES.contains(name)) {
            var submission = items.read(G2, sample.bytes());
            assertArticle(submission, attribute(sample, "guid"));
        } else {
            var refused = catchThrowableOfType(InvalidAgencyItemException.class, () -> items.read(G2, sample.bytes()));
            assertThat(refused).as(name).isNotNull();
            assertThat(refused.kind()).isEqualTo(G2_NOT_VALID.contains(name) ? Kind.INVALID : Kind.NOT_AN_ARTICLE);
            assertThat(refused.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.message())
                    .isNotBlank());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ninjsExamples")
    void everyNinjsExampleIsAnArticleOrRefusedWithItsReason(Sample sample) {
        var type = ninjs(sample.version());
        if (NINJS_NOT_VALID.contains(sample.name()) || NINJS_NO_ARTICLE.contains(sample.name())) {
            var refused =
                    catchThrowableOfType(InvalidAgencyItemException.class, () -> items.read(type, sample.bytes()));
            assertThat(refused).isNotNull();
            assertThat(refused.kind())
                    .isEqualTo(NINJS_NOT_VALID.contains(sample.name()) ? Kind.INVALID : Kind.NOT_AN_ARTICLE);
            assertThat(refused.format()).isEqualTo("ninjs " + sample.version());
        } else {
            assertArticle(items.read(type, sample.bytes()), property(sample, "uri"));
        }
    }

    @Test
    void theIntentionallyInvalidNinjsExampleIsRefusedNamingThePropertiesItsReleaseDoesNotKnow() {
        var refused = catchThrowableOfType(
                InvalidAgencyItemException.class,
                () -> items.read(ninjs("3.1"), sample("ninjs/documentation/examples/not-valid/008_extension.json")));

        assertThat(refused.kind()).isEqualTo(Kind.INVALID);
        assertThat(refused.errors())
                .anySatisfy(error -> assertThat(error.message()).contains("'embargoedreason'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shouldPass")
    void everyValidUnitTestItemPassesItsSchema(Sample sample, MediaType type) {
        try {
            items.read(type, sample.bytes());
        } catch (InvalidAgencyItemException e) {
            // most unit-test items test one property and carry no text: refused as no article, never as invalid
            assertThat(e.kind()).as(e.errors().toString()).isEqualTo(Kind.NOT_AN_ARTICLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shouldFail")
    void everyInvalidUnitTestItemIsRefusedNamingWhatIsWrong(Sample sample, MediaType type) {
        var refused = catchThrowableOfType(InvalidAgencyItemException.class, () -> items.read(type, sample.bytes()));

        assertThat(refused).isNotNull();
        assertThat(refused.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.message())
                .isNotBlank());
    }

    @Test
    void refusesADoctypeSoThatNoExternalEntityIsEverRead() {
        var xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE newsItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1" standard="NewsML-G2"
                    standardversion="2.35"><contentMeta><headline>&secret;</headline></contentMeta></newsItem>
                """;

        assertThatThrownBy(() -> items.read(G2, xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidAgencyItemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("DOCTYPE");
                });
    }

    @Test
    void refusesAnUnknownNinjsVersion() {
        assertThatThrownBy(() -> items.read(ninjs("9.9"), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidAgencyItemException.class, e -> assertThat(e.getMessage())
                        .contains("Unknown ninjs version 9.9"));
    }

    static List<Sample> newsMlExamples() {
        return AgencyCorpus.newsMlExamples();
    }

    static List<Sample> ninjsExamples() {
        return AgencyCorpus.ninjsExamples();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> shouldPass() {
        return withTypes("should_pass");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> shouldFail() {
        return withTypes("should_fail");
    }

    private static Stream<org.junit.jupiter.params.provider.Arguments> withTypes(String outcome) {
        return Stream.concat(
                AgencyCorpus.newsMlUnitTests(outcome).stream()
                        .map(sample -> org.junit.jupiter.params.provider.Arguments.of(sample, G2)),
                AgencyCorpus.ninjsUnitTests(outcome).stream()
                        .map(sample ->
                                org.junit.jupiter.params.provider.Arguments.of(sample, ninjs(sample.version()))));
    }

    static MediaType ninjs(String version) {
        return MediaType.parseMediaType(AgencyMediaTypes.NINJS + (version == null ? "" : "; version=" + version));
    }

    private static void assertArticle(Submission submission, String guid) {
        var article = submission.article();
        assertThat(article.guid()).isEqualTo(guid);
        assertThat(article.title()).isNotBlank();
        assertThat(article.body()).isNotBlank();
    }

    /** The root's attribute, read without the code under test. */
    static String attribute(Sample sample, String name) {
        var matcher = Pattern.compile("<[\\w:]*newsItem[^>]*\\s" + name + "=\"([^\"]*)\"")
                .matcher(new String(sample.bytes(), StandardCharsets.UTF_8));
        assertThat(matcher.find()).as(name + " of " + sample).isTrue();
        return matcher.group(1);
    }

    static String property(Sample sample, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(new String(sample.bytes(), StandardCharsets.UTF_8));
        assertThat(matcher.find()).as(name + " of " + sample).isTrue();
        return matcher.group(1);
    }

    private static byte[] sample(String name) {
        return new Sample(AgencyCorpus.ROOT.resolve(name), null).bytes();
    }
}
