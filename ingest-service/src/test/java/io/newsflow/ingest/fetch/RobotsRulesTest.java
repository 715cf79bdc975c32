package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    @Test
    void theLongestMatchDecidesAndAllowWinsATie() {
        var rules =
                RobotsRules.parse("User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /x\nAllow: /x\n", "newsflow");

        assertThat(rules.allows("/a/c")).isFalse();
        assertThat(rules.allows("/a/b/c")).isTrue();
        assertThat(rules.allows("/x")).isTrue();
        assertThat(rules.allows("/other")).isTrue();
        assertThat(rules.allows("/robots.txt")).isTrue();
    }

    @Test
    void readsWildcardsEndAnchorsAndTheCrawlDelay() {
        var rules = RobotsRules.parse(
                "# ours\nUser-agent: googlebot\nUser-agent: newsflow\nCrawl-delay: 2.5\nDisallow: /*.pdf$\n"
                        + "Disallow: /*/print\n\nUser-agent: *\nDisallow: /\n",
                "newsflow");

        assertThat(rules.allows("/files/report.pdf")).isFalse();
        assertThat(rules.allows("/files/report.pdf?x=1")).isTrue();
        assertThat(rules.allows("/2025/print/1")).isFalse();
        assertThat(rules.allows("/news")).isTrue();
        assertThat(rules.crawlDelay()).contains(Duration.ofMillis(2500));
    }

    @Test
    void takesTheStarGroupWhenNoneNamesUsAndAnEmptyDisallowAllowsAll() {
        assertThat(RobotsRules.parse(
                                "User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n", "newsflow")
                        .allows("/private/1"))
                .isFalse();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "newsflow").allows("/anything"))
                .isTrue();
    }
}
