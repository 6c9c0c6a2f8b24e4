package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NinjsParserTest {

    private final NinjsParser parser = new NinjsParser();

    @Test
    void malformedAndHostileJsonAreRejectedWithReason() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/ninjs/malformed.json"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("Not valid JSON");
        byte[] deep = ("{\"headline\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(deep, null)).isInstanceOf(RejectedItemException.class);
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/binary-garbage.bin"), null)).isInstanceOf(RejectedItemException.class);
        assertThatThrownBy(() -> parser.parse("\"just a string\"".getBytes(), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"));
    }

    @Test
    void wrapperItemsAreAcceptedOrRefusedEachOnItsOwn() throws Exception {
        var entries = parser.parseEntries(TestResources.bytes("/ninjs/wrapper-one-bad-item.json"), null);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).label()).isEqualTo("urn:inkstream.example:wrapper:good");
        assertThat(entries.get(0).article().headline()).isEqualTo("Library opens late on Fridays");
        assertThat(entries.get(0).article().subjectCodes()).containsExactly("category:libraries", "subj:01009000");
        assertThat(entries.get(1).label()).isEqualTo("urn:inkstream.example:wrapper:bad");
        assertThat(entries.get(1).refusal().code()).isEqualTo("missing-headline");
        assertThat(entries.get(1).refusal().reason()).contains("ninjs", "headline");
        assertThat(parser.parse(TestResources.bytes("/ninjs/wrapper-one-bad-item.json"), null)).hasSize(1);
    }
}
