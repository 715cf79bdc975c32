package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** One small page, written for the test, per rule of the main text's choice of container. */
class MainTextRulesTest {

    private static final URI URL = URI.create("https://news.example.org/a");

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void readsEverySectionOfAnArticleCutIntoSlidesBetweenAds() {
        var slides = new StringBuilder();
        for (var city : new String[] {"Lyon", "Porto", "Gdansk", "Turin"}) {
            slides.append("<div class=\"slide\"><div class=\"slide-layout\"><div class=\"slide-body\">")
                    .append("<h2>")
                    .append(city)
                    .append("</h2><p>In ")
                    .append(city)
                    .append(", the old tram depot, closed for years, reopened as a market, with stalls, a bakery,")
                    .append(" a bookshop and, on Sundays, a flea market that fills the yard.</p><p>The city paid")
                    .append(" for the roof, the traders for the rest, and the neighbours, at first wary, came.</p>")
                    .append("</div></div></div><div class=\"ad-slot\">Advertisement</div>");
        }
        var page = extractor.extract(
                "<html><body><article><h1>Four depots, four markets</h1><div class=\"slides\">" + slides
                        + "</div></article><p class=\"legal\">Terms of use.</p></body></html>",
                URL);

        assertThat(page.text()).contains("In Lyon,", "In Porto,", "In Gdansk,", "In Turin,");
        assertThat(page.text()).doesNotContain("Advertisement", "Terms of use");
    }

    @Test
    void takesTheParentOfAContainerThatIsItsOnlyChildWithTheParagraphsBesideIt() {
        var page = extractor.extract(
                """
                <html><body><div class="story"><div class="story-inner"><div class="text">
                <p>The council voted on Tuesday, after a long debate, to close the bridge to cars from May.</p>
                <p>Cyclists, who had asked for it for years, welcomed the vote; shopkeepers, less so.</p>
                <p>Buses will still cross it, every ten minutes, as they do today, from six to midnight.</p>
                </div></div>
                <p>The closure will be reviewed after one year, when the council has the traffic counts.</p>
                </div></body></html>
                """,
                URL);

        assertThat(page.text())
                .startsWith("The council voted on Tuesday")
                .endsWith("when the council has the traffic counts.");
    }

    @Test
    void keepsADivOfTextBesideTheBestContainerAsAParagraph() {
        var page = extractor.extract(
                """
                <html><body><section class="zone"><div class="first-part">
                <p>The council voted on Tuesday, after a long debate, to close the bridge to cars from May.</p>
                <p>Cyclists, who had asked for it for years, welcomed the vote; shopkeepers, less so.</p>
                <p>Buses will still cross it, every ten minutes, as they do today, from six to midnight.</p>
                </div>
                <div class="paragraph">The closure will be reviewed after one year, when the council has the counts.</div>
                <div class="paragraph"><a href="/more">More from the council</a></div>
                </section></body></html>
                """,
                URL);

        assertThat(page.text()).startsWith("The council voted on Tuesday").endsWith("when the council has the counts.");
    }

    @Test
    void leavesOutAffiliateDisclosuresAndCopyrightNoticesWhereverTheyStand() {
        var page = extractor.extract(
                """
                <html><body><article>
                <p>The council voted on Tuesday, after a long debate, to close the bridge to cars from May.</p>
                <p>If you buy something through a link on this page, we may earn a commission, at no cost to you.</p>
                <p>Cyclists, who had asked for it for years, welcomed the vote; shopkeepers, less so.</p>
                <p>This document is subject to copyright. No part may be reproduced without written permission.</p>
                </article></body></html>
                """,
                URL);

        assertThat(page.text())
                .isEqualTo(
                        """
                        The council voted on Tuesday, after a long debate, to close the bridge to cars from May.

                        Cyclists, who had asked for it for years, welcomed the vote; shopkeepers, less so.""");
    }

    @Test
    void leavesOutAMediaPlayersFallbackText() {
        var page = extractor.extract(
                """
                <html><body><article>
                <p>The council voted on Tuesday, after a long debate, to close the bridge to cars from May.</p>
                <div class="player"><p>Your browser does not support the audio element.</p>
                <p>Click to unmute</p></div>
                <p>Cyclists, who had asked for it for years, welcomed the vote; shopkeepers, less so.</p>
                </article></body></html>
                """,
                URL);

        assertThat(page.text()).doesNotContain("browser", "unmute").contains("Cyclists");
    }
}
