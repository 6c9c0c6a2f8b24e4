package io.inkstream.app;

import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Setting;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One key grammar for every setting (docs/conventions.md), with the two client keys as the documented exception. */
class SettingKeyGrammarTest {

    private static final Pattern GRAMMAR = Pattern.compile("inkstream\\.[a-z]+\\.[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final List<String> CLIENT_KEYS = List.of(CommonConfig.BOOTSTRAP_SERVERS.key(),
            CommonConfig.REGISTRY_URL.key());

    @Test
    void everyKeyIsInkstreamAreaKebabNameButTheTwoClientKeys() {
        assertThat(InkstreamConfig.allSettings()).extracting(Setting::key)
                .filteredOn(key -> !CLIENT_KEYS.contains(key))
                .allSatisfy(key -> assertThat(key).as("setting key").matches(GRAMMAR));
        assertThat(CLIENT_KEYS).containsExactly("kafka.bootstrap.servers", "schema.registry.url");
    }

    @Test
    void noDeprecatedKeyIsAlsoACurrentOne() {
        List<String> keys = InkstreamConfig.allSettings().stream().map(Setting::key).toList();
        assertThat(InkstreamConfig.allSettings()).flatExtracting(Setting::deprecatedKeys).doesNotContainAnyElementsOf(keys)
                .doesNotHaveDuplicates();
    }
}
