package io.inkstream.platform.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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

        assertThat(settings.get(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo("env:9092");
        assertThat(settings.get(CommonConfig.HTTP_PORT)).isEqualTo(9000);
        assertThat(settings.get(CommonConfig.DATA_DIR)).isEqualTo("./data");
    }

    @Test
    void overridesBeatEnvironment() {
        Settings settings = Settings.of(Map.of("INKSTREAM_HTTP_PORT", "9000"), null, Map.of("inkstream.http.port", "9100"));
        assertThat(settings.get(CommonConfig.HTTP_PORT)).isEqualTo(9100);
    }

    @Test
    void badValueIsReportedWithSettingVariableAndValue() {
        Settings settings = Settings.of(Map.of("INKSTREAM_HTTP_PORT", "eighty", "POPULARITY_GRACE", "soon"), null, Map.of());

        assertThatThrownBy(() -> settings.validate(List.of(CommonConfig.HTTP_PORT, GRACE)))
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

    @Test
    void deprecatedKeyAndItsVariableStillWorkWithOneWarningNamingTheNewKey(@TempDir Path dir) throws Exception {
        Setting<Duration> renamed = Setting.duration("inkstream.popularity.grace", "5m", "late views still counted")
                .formerly("popularity.grace");
        Setting<Long> bytes = Setting.bytes("inkstream.ingest.max-item-bytes", 1024, "largest item")
                .formerly("ingest.max.item.bytes");
        Path file = dir.resolve("inkstream.properties");
        Files.writeString(file, "ingest.max.item.bytes=2048\n");
        Logger logger = (Logger) LoggerFactory.getLogger(Settings.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try {
            Settings settings = Settings.of(Map.of("POPULARITY_GRACE", "2m"), file, Map.of());

            assertThat(settings.get(renamed)).isEqualTo(Duration.ofMinutes(2));
            assertThat(settings.get(renamed)).isEqualTo(Duration.ofMinutes(2));
            assertThat(settings.with(Map.of()).get(bytes)).isEqualTo(2048L);
            assertThat(warnings.list).filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly(
                            "setting popularity.grace (environment variable POPULARITY_GRACE) is deprecated: "
                                    + "use inkstream.popularity.grace (environment variable INKSTREAM_POPULARITY_GRACE)",
                            "setting ingest.max.item.bytes (environment variable INGEST_MAX_ITEM_BYTES) is deprecated: "
                                    + "use inkstream.ingest.max-item-bytes (environment variable INKSTREAM_INGEST_MAX_ITEM_BYTES)");
        } finally {
            logger.detachAppender(warnings);
        }
    }

    @Test
    void newKeyWinsOverADeprecatedOneWithoutWarning() {
        Setting<Duration> renamed = Setting.duration("inkstream.popularity.grace", "5m", "late views still counted")
                .formerly("popularity.grace");
        Settings settings = Settings.of(Map.of("POPULARITY_GRACE", "2m"), null, Map.of("inkstream.popularity.grace", "3m"));
        assertThat(settings.get(renamed)).isEqualTo(Duration.ofMinutes(3));
    }
}
