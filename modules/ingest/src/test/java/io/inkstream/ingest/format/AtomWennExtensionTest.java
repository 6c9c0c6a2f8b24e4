package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AtomWennExtensionTest {

    @Test
    void wennMetadataGivesTheStorysOwnIdTimesStandfirstTagsAndEntertainmentCodes() throws Exception {
        ParsedArticle a = new AtomParser().parse(TestResources.bytes("/feeds/atom-wenn-style.xml"), null).get(0);

        assertThat(a.headline()).isEqualTo("Band announces farewell tour");
        assertThat(a.sourceId()).as("stable across feed instances, unlike the entry id").isEqualTo("wenn:555001");
        assertThat(a.firstCreated()).isEqualTo(Instant.parse("2026-04-30T22:10:00Z"));
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2026-05-01T07:45:00Z"));
        assertThat(a.subheadline()).isEqualTo("The Night Owls are saying goodbye.");
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.subjects()).contains("The Night Owls", "Music");
        assertThat(a.subjectCodes()).containsExactly("anpa:e", "subj:01000000");
    }

    @Test
    void aPlainAtomEntryKeepsItsIdAndTakesUpdatedAsItsVersionTime() throws Exception {
        ParsedArticle a = new AtomParser().parse(TestResources.bytes("/feeds/atom.xml"), null).get(0);

        assertThat(a.subjectCodes()).isEmpty();
        assertThat(a.versionCreated()).isNotNull();
    }
}
