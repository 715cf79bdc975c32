package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdkTest {

    @Test
    void readsTheFeatureVersionOfModernAndLegacyReleaseFiles() {
        assertThat(Jdk.parseReleaseFile("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n"))
                .contains(25);
        assertThat(Jdk.parseReleaseFile("JAVA_VERSION=\"21\"")).contains(21);
        assertThat(Jdk.parseReleaseFile("JAVA_VERSION=\"1.8.0_412\"")).contains(8);
        assertThat(Jdk.parseReleaseFile("nothing here")).isEmpty();
    }

    @Test
    void findsAJdkOfAtLeast21OnThisMachine() {
        assertThat(Jdk.isSuitable(Jdk.home())).isTrue();
    }
}
