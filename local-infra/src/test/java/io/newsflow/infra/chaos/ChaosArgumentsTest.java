package io.newsflow.infra.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosArgumentsTest {

    @Test
    void noScenarioMeansEveryOneInOrderWithATwoMinuteFreeze() {
        var arguments = ChaosArguments.parse(List.of());

        assertThat(arguments.scenarios()).containsExactly(Scenario.values());
        assertThat(arguments.freeze()).isEqualTo(Duration.ofMinutes(2));
        assertThat(arguments.rate()).isEqualTo(10);
        assertThat(arguments.warmUp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(arguments.help()).isFalse();
    }

    @Test
    void namedScenariosRunInTheOrderNamedWithTheOptionsGiven() {
        var arguments = ChaosArguments.parse(
                List.of("freeze-elasticsearch", "--freeze", "30s", "kill-search", "--rate", "5", "--block", "500ms"));

        assertThat(arguments.scenarios()).containsExactly(Scenario.FREEZE_ELASTICSEARCH, Scenario.KILL_SEARCH);
        assertThat(arguments.freeze()).isEqualTo(Duration.ofSeconds(30));
        assertThat(arguments.block()).isEqualTo(Duration.ofMillis(500));
        assertThat(arguments.rate()).isEqualTo(5);
    }

    @Test
    void ciIsTheFastSubsetWithAShortFreezeUnlessOneIsGiven() {
        var ci = ChaosArguments.parse(List.of("--ci"));

        assertThat(ci.scenarios())
                .containsExactly(
                        Scenario.KILL_ENRICH,
                        Scenario.KILL_SEARCH,
                        Scenario.POISON_PILLS,
                        Scenario.FREEZE_ELASTICSEARCH);
        assertThat(ci.freeze()).isEqualTo(Duration.ofSeconds(20));
        assertThat(ci.warmUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ci.rate()).isEqualTo(3);
        assertThat(ChaosArguments.parse(List.of("--ci", "--freeze", "1m")).freeze())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void slowArticleTakesItsPollIntervalAndHold() {
        var defaults = ChaosArguments.parse(List.of("slow-article"));
        var given = ChaosArguments.parse(List.of("slow-article", "--poll-interval", "2s", "--slow-hold", "1m"));

        assertThat(defaults.scenarios()).containsExactly(Scenario.SLOW_ARTICLE);
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.slowHold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(given.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(given.slowHold()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ChaosArguments.parse(List.of("--ci")).scenarios())
                .doesNotContain(Scenario.SLOW_ARTICLE, Scenario.REBALANCE);
    }

    @Test
    void aScenarioNamedTwiceRunsOnce() {
        assertThat(ChaosArguments.parse(List.of("kill-kafka", "kill-kafka")).scenarios())
                .containsExactly(Scenario.KILL_KAFKA);
        assertThat(ChaosArguments.parse(List.of("all")).scenarios()).containsExactly(Scenario.values());
    }

    @Test
    void readsDurations() {
        assertThat(ChaosArguments.duration("--x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ChaosArguments.duration("--x", "45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ChaosArguments.duration("--x", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ChaosArguments.duration("--x", "1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theCommandLineNamesWhatIsWrong() {
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("kill-everything")))
                .hasMessage("unknown scenario kill-everything");
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("--fast"))).hasMessage("unknown option --fast");
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("--freeze"))).hasMessage("--freeze needs a value");
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("--freeze", "30")))
                .hasMessageContaining("a duration such as 500ms, 30s, 2m or 1h, not 30");
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("--freeze", "0s")))
                .hasMessage("--freeze must be longer than 0");
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("--rate", "-3")))
                .hasMessage("--rate takes a positive whole number, not -3");
    }

    @Test
    void theUsageNamesEveryScenario() {
        assertThat(ChaosArguments.USAGE)
                .contains(List.of(Scenario.values()).stream().map(Scenario::id).toList());
        assertThat(ChaosArguments.parse(List.of("--help")).help()).isTrue();
    }

    @Test
    void killBrokerNamedOnAOneBrokerStackSaysWhatItNeeds() {
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("kill-broker")).runnableOn(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kill-broker needs the three-broker stack")
                .hasMessageContaining("./newsflow up -d --brokers 3");
        assertThatThrownBy(() -> ChaosArguments.parse(List.of("all")).runnableOn(1))
                .hasMessageContaining("kill-broker");
        assertThat(ChaosArguments.parse(List.of("kill-broker", "reindex")).runnableOn(3))
                .containsExactly(Scenario.KILL_BROKER, Scenario.REINDEX);
    }

    @Test
    void noScenarioNamedLeavesOutWhatTheStackCannotRun() {
        var arguments = ChaosArguments.parse(List.of());

        assertThat(arguments.runnableOn(1)).doesNotContain(Scenario.KILL_BROKER).contains(Scenario.REINDEX);
        assertThat(arguments.runnableOn(3)).containsExactly(Scenario.values());
        assertThat(ChaosArguments.parse(List.of("--ci")).runnableOn(1)).containsExactlyElementsOf(Scenario.CI);
    }
}
