package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationFailureAnalyzerTest {

    @Test
    void namesEachInvalidPropertyWithItsEnvironmentVariableWhatIsWrongAndTheValue() {
        var failure = startWith(
                "sample.topics.raw=raw articles",
                "sample.topics.partitions=0",
                "sample.hosts[0]=example.com",
                "sample.hosts[1]=Not A Host",
                "sample.max-size=5MB");

        var analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription())
                .contains("SAMPLE_TOPICS_PARTITIONS (sample.topics.partitions): must be greater than or equal to 1;"
                        + " the value is \"0\", from \"sample.topics.partitions\" from property source")
                .contains("SAMPLE_HOSTS_1 (sample.hosts[1]): must be a lower-case host; the value is \"Not A Host\"")
                .contains("SAMPLE_TOPICS_RAW (sample.topics.raw): must be a Kafka topic name")
                .contains("SAMPLE_HOSTS_1 (sample.hosts[1]): must be a lower-case host")
                .contains("SAMPLE_MAXSIZE (sample.max-size): must be between 1KB and 1MB; the value is \"5MB\"")
                .doesNotContain("SAMPLE_HOSTS_0");
        assertThat(analysis.getAction()).contains("environment variable");
    }

    @Test
    void namesAValueThatCannotBeConverted() {
        var failure = startWith("sample.topics.partitions=three");

        var analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription())
                .contains("SAMPLE_TOPICS_PARTITIONS (sample.topics.partitions): cannot be read as int")
                .contains("the value is \"three\"");
    }

    @Test
    void isTheReportAStartingServicePrintsBeforeSpringBootsOwn(CapturedOutput output) {
        startWith("sample.topics.partitions=-2");

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("SAMPLE_TOPICS_PARTITIONS (sample.topics.partitions): must be greater than or equal to 1")
                .doesNotContain("Binding to target");
    }

    private static Throwable startWith(String... properties) {
        var failure = catchThrowable(() -> new SpringApplicationBuilder(SampleConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("sample.topics.raw=raw", "sample.topics.partitions=1", "sample.max-size=1KB")
                .properties(properties)
                .run()
                .close());
        assertThat(failure).as("the start fails").isNotNull();
        return failure;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SampleProperties.class)
    static class SampleConfiguration {}

    @Validated
    @ConfigurationProperties("sample")
    record SampleProperties(
            @Valid @NotNull Topics topics,
            List<@Pattern(regexp = "[a-z.]+", message = "must be a lower-case host") String> hosts,
            @NotNull @DataSizeRange(min = "1KB", max = "1MB") DataSize maxSize) {

        record Topics(@TopicName String raw, @Min(1) int partitions) {}
    }
}
