package io.inkstream.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectionMapTest {

    private final SectionMap defaults = SectionMap.defaults("News");

    @Test
    void aSectionTheFormatStatesWins() {
        assertThat(defaults.place("Culture", List.of("subj:15000000"), List.of()))
                .isEqualTo(new SectionMap.Placement("Culture", true));
    }

    @Test
    void detailedSubjectCodesFallBackToTheirTopLevel() {
        // 15054000 is a detailed sport code; its top level 15000000 is in the map
        assertThat(defaults.place(null, List.of("subj:15054000"), List.of()).section()).isEqualTo("Sports");
        assertThat(defaults.place(null, List.of("anpa:f"), List.of()).section()).isEqualTo("Business");
    }

    @Test
    void theFirstCodeThatMapsDecides() {
        assertThat(defaults.place(null, List.of("nprov:XYZ", "subj:11000000", "subj:15000000"), List.of()).section())
                .isEqualTo("Politics");
    }

    @Test
    void aSubjectNamedLikeASectionPlacesTheItem() {
        assertThat(defaults.place(null, List.of(), List.of("sport")).section()).isEqualTo("Sports");
    }

    @Test
    void unplacedItemsGoToTheDefaultSectionAndSaySo() {
        SectionMap.Placement p = defaults.place(null, List.of("nprov:XYZ"), List.of("Nairobi"));
        assertThat(p).isEqualTo(new SectionMap.Placement("News", false));
        assertThat(defaults.isDefault(p.section())).isTrue();
    }

    @Test
    void aSitesFileAddsAndOverridesLines(@TempDir Path dir) throws IOException {
        Path own = dir.resolve("sections.txt");
        Files.writeString(own, "# our desks\nsubj:15000000 = Sport & Leisure\nwpcat:local-news = Local\n");
        SectionMap map = SectionMap.withOverrides(own, "News");
        assertThat(map.place(null, List.of("subj:15008000"), List.of()).section()).isEqualTo("Sport & Leisure");
        assertThat(map.place(null, List.of("wpcat:local-news"), List.of()).section()).isEqualTo("Local");
        assertThat(map.place(null, List.of("subj:04000000"), List.of()).section()).as("defaults kept").isEqualTo("Business");
    }

    @Test
    void aBadLineIsRefusedNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path own = dir.resolve("sections.txt");
        Files.writeString(own, "subj:15000000 = Sports\nPolitics\n");
        assertThatThrownBy(() -> SectionMap.withOverrides(own, "News"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sections.txt line 2");
    }
}
