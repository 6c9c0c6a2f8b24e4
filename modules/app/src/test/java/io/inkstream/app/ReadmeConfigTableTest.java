package io.inkstream.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table is generated from the settings' declarations
 * (`./inkstream config`); this keeps the two in step. To update the README after adding a
 * setting, run: ./inkstream config and paste between the config-table markers.
 */
class ReadmeConfigTableTest {

    @Test
    void readmeTableIsTheGeneratedOne() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        int start = readme.indexOf("<!-- config-table:start -->\n");
        int end = readme.indexOf("<!-- config-table:end -->");
        assertThat(start).as("README has the config-table markers").isPositive();
        String table = readme.substring(start + "<!-- config-table:start -->\n".length(), end);
        assertThat(table).isEqualTo(ConfigCommand.markdownTable());
    }

    @Test
    void everySettingHasADistinctKeyAndADoc() {
        assertThat(ConfigCommand.allSettings()).extracting(s -> s.key()).doesNotHaveDuplicates();
        assertThat(ConfigCommand.allSettings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }
}
