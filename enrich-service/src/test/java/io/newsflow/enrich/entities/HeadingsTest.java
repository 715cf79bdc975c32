package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingsTest {

    @Test
    void shortTitleCaseLinesAreHeadings() {
        assertThat(Headings.isHeading("U.S. and NATO Role")).isTrue();
        assertThat(Headings.isHeading("Paris Summit on September 4")).isTrue();
        assertThat(Headings.isHeading("Continued Russian Strikes")).isTrue();
    }

    @Test
    void sentencesAndLongLinesAreNot() {
        assertThat(Headings.isHeading("Trump has repeatedly said ending the war is a priority."))
                .isFalse();
        assertThat(Headings.isHeading("Merz warned that the war could drag on")).isFalse();
        assertThat(Headings.isHeading("Attendees are set to include:")).isFalse();
        assertThat(Headings.isHeading("NATO")).isFalse();
    }
}
