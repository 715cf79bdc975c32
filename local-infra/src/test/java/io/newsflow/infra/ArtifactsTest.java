package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {

    private static final String ZIP = "newsflow-elasticsearch-analysis-1.0-plugin.zip";

    @TempDir
    Path dir;

    @Test
    void theAnalysisPluginOfAReactorBuildIsInTheModulesTargetFolder() throws Exception {
        Path pom = Files.createFile(dir.resolve("pom.xml"));
        Path zip = Files.createFile(Files.createDirectory(dir.resolve("target")).resolve(ZIP));

        assertThat(Artifacts.analysisPlugin(pom, ZIP)).isEqualTo(zip);
    }

    @Test
    void anInstalledAnalysisPluginIsBesideItsPomInTheLocalRepository() throws Exception {
        Path pom = Files.createFile(dir.resolve("newsflow-elasticsearch-analysis-1.0.pom"));
        Path zip = Files.createFile(dir.resolve(ZIP));

        assertThat(Artifacts.analysisPlugin(pom, ZIP)).isEqualTo(zip);
    }

    @Test
    void anUnbuiltAnalysisPluginIsExpectedInTheTargetFolder() throws Exception {
        Path pom = Files.createFile(dir.resolve("pom.xml"));

        assertThat(Artifacts.analysisPlugin(pom, ZIP))
                .isEqualTo(dir.resolve("target").resolve(ZIP))
                .doesNotExist();
    }
}
