package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkTest {

    @TempDir
    Path dir;

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

    @Test
    void takesTheRunningJvmWhenItIsRecentEnoughAsTheScriptChoseIt() {
        // the build runs on a JDK >= 21, so this is the JVM ./newsflow (or JAVA_HOME) picked
        assertThat(Jdk.home()).isEqualTo(Path.of(System.getProperty("java.home")));
    }

    @Test
    void searchesJavaHomeThenThePathThenTheNewestInstalledJdkLikeTheScript() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("jvm"));
        Path jdk17 = fakeJdk(folder.resolve("java-17"), "17.0.15");
        Path jdk21 = fakeJdk(folder.resolve("temurin-21"), "21.0.4");
        Path jdk25 = fakeJdk(folder.resolve("temurin-25"), "25.0.3");
        Path macos = fakeJdk(dir.resolve("mac/jdk-22.jdk/Contents/Home"), "22");
        List<Path> folders = List.of(folder, dir.resolve("mac"), dir.resolve("absent"));

        assertThat(Jdk.search(Map.of("JAVA_HOME", jdk21.toString()), folders)).contains(jdk21);
        assertThat(Jdk.search(
                        Map.of(
                                "JAVA_HOME",
                                jdk17.toString(),
                                "PATH",
                                jdk21.resolve("bin").toString()),
                        folders))
                .contains(jdk21.toRealPath());
        assertThat(Jdk.search(
                        Map.of(
                                "JAVA_HOME",
                                jdk17.toString(),
                                "PATH",
                                jdk17.resolve("bin").toString()),
                        folders))
                .contains(jdk25);
        assertThat(Jdk.search(Map.of(), List.of(dir.resolve("mac")))).contains(macos);
        assertThat(Jdk.search(Map.of(), List.of(dir.resolve("absent")))).isEmpty();
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
