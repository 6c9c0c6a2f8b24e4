package io.inkstream.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static final Setting<Duration> GRACE = Setting.duration("popularity.grace", "5m", "late views still counted");

    @Test
    void environmentBeatsFileAndFileBeatsDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inkstream.properties");
        Files.writeString(file, "inkstream.http.port=9000\nkafka.bootstrap.servers=file:9092\n");
        Settings settings = Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"), file, Map.of());

        assertThat(settings.get(CommonSettings.BOOTSTRAP_SERVERS)).isEqualTo("env:9092");
        assertThat(settings.get(CommonSettings.HTTP_PORT)).isEqualTo(9000);
        assertThat(settings.get(CommonSettings.DATA_DIR)).isEqualTo("./data");
    }

    @Test
    void overridesBeatEnvironment() {
        Settings settings = Settings.of(Map.of("INKSTREAM_HTTP_PORT", "9000"), null, Map.of("inkstream.http.port", "9100"));
        assertThat(settings.get(CommonSettings.HTTP_PORT)).isEqualTo(9100);
    }

    @Test
    void badValueIsReportedWithSettingVariableAndValue() {
        Settings settings = Settings.of(Map.of("INKSTREAM_HTTP_PORT", "eighty", "POPULARITY_GRACE", "soon"), null, Map.of());

        assertThatThrownBy(() -> settings.validate(List.of(CommonSettings.HTTP_PORT, GRACE)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("inkstream.http.port (environment variable INKSTREAM_HTTP_PORT) has the bad value 'eighty': must be a whole number")
                .hasMessageContaining("popularity.grace (environment variable POPULARITY_GRACE) has the bad value 'soon'");
    }

    @Test
    void durationsTakeUnitsOrIso() {
        assertThat(Setting.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Setting.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Setting.parseDuration("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Setting.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void missingRequiredSettingNamesIt() {
        Setting<String> key = Setting.string("ingest.api.key", null, "API key for POST /v1/items");
        assertThatThrownBy(() -> Settings.ofOverrides(Map.of()).require(key))
                .hasMessageContaining("ingest.api.key (environment variable INGEST_API_KEY) is required");
    }
}
