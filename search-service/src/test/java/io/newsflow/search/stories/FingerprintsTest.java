package io.newsflow.search.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void fingerprintsWithinThreeBitsAreNear() {
        assertThat(Fingerprints.distance("a1b2c3d4e5f60718", "a1b2c3d4e5f6071b"))
                .isEqualTo(2);
        assertThat(Fingerprints.near("a1b2c3d4e5f60718", "a1b2c3d4e5f6071f")).isTrue();
        assertThat(Fingerprints.near("a1b2c3d4e5f60718", "a1b2c3d4e5f607e7")).isFalse();
    }

    @Test
    void nearFingerprintsShareABand() {
        var a = Fingerprints.bands("ffff0000ffff0000");
        var b = Fingerprints.bands("fffe0001fffe0000");

        assertThat(a).containsExactly("0:ffff", "1:0000", "2:ffff", "3:0000");
        assertThat(b).contains("3:0000");
    }

    @Test
    void malformedFingerprintsHaveNoBandsAndAreNeverNear() {
        assertThat(Fingerprints.bands(null)).isEmpty();
        assertThat(Fingerprints.bands("xyz")).isEmpty();
        assertThat(Fingerprints.valid("a1b2c3d4e5f6071g")).isFalse();
        assertThat(Fingerprints.valid("a1b2c3d4e5f6071\u0663")).isFalse();
        assertThat(Fingerprints.valid("A1B2C3D4E5F60718")).isTrue();
        assertThat(Fingerprints.near("a1b2c3d4e5f60718", "a1b2")).isFalse();
    }
}
