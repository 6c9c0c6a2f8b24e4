package io.inkstream.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.ingest.format.WireFormats;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of every wire format through the parser the stream and the HTTP answer
 * use. The property: any bytes end as parsed articles or refusals with a code and a reason; no
 * exception escapes (Jazzer reports one as a finding), no hang, no out-of-memory.
 *
 * <p>In {@code mvn verify} these run in Jazzer's regression mode: the seeds in
 * {@code WireItemParserFuzzTestInputs/<method>/} on the test classpath (this module's own fixtures,
 * copied there by {@code pom.xml}, not committed twice) and any crash reproducers there. {@code JAZZER_FUZZ=1} fuzzes (see the ingest README, "Fuzzing").
 */
class WireItemParserFuzzTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final WireItems ITEMS = new WireItems(WireFormats.standard(), 10L * 1024 * 1024);
    private static final WireItemParser PARSER = ITEMS.parser();

    private static void check(byte[] data, String format) {
        WireItem item = ITEMS.receive(data, "fuzz", Channel.HTTP, format, null, null, null, NOW);
        ParseOutcome outcome = PARSER.parse(item, NOW);
        assertThat(outcome.entries()).isNotEmpty();
        for (ParseOutcome.Entry e : outcome.entries()) {
            if (e.isRejected()) {
                assertThat(e.rejection().getCode()).isNotBlank();
                assertThat(e.rejection().getReason()).isNotBlank();
            } else {
                assertThat(e.draft().getHeadline()).isNotNull();
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    void sniffed(byte[] data) {
        check(data, null);
    }

    @FuzzTest(maxDuration = "5m")
    void pageText(byte[] data) {
        check(data, "page-text");
    }

    @FuzzTest(maxDuration = "5m")
    void html(byte[] data) {
        check(data, "html");
    }

    @FuzzTest(maxDuration = "5m")
    void ninjs(byte[] data) {
        check(data, "ninjs");
    }

    @FuzzTest(maxDuration = "5m")
    void newsmlG2(byte[] data) {
        check(data, "newsml-g2");
    }

    @FuzzTest(maxDuration = "5m")
    void rss(byte[] data) {
        check(data, "rss");
    }

    @FuzzTest(maxDuration = "5m")
    void atom(byte[] data) {
        check(data, "atom");
    }

    @FuzzTest(maxDuration = "5m")
    void nitf(byte[] data) {
        check(data, "nitf");
    }

    @FuzzTest(maxDuration = "5m")
    void newsml12(byte[] data) {
        check(data, "newsml-1.2");
    }

    @FuzzTest(maxDuration = "5m")
    void ritzau(byte[] data) {
        check(data, "ritzau-xml");
    }

    @FuzzTest(maxDuration = "5m")
    void iptc7901(byte[] data) {
        check(data, "iptc7901");
    }

    @FuzzTest(maxDuration = "5m")
    void anpa1312(byte[] data) {
        check(data, "anpa1312");
    }

    @FuzzTest(maxDuration = "5m")
    void email(byte[] data) {
        check(data, "rfc822");
    }

    @FuzzTest(maxDuration = "5m")
    void wxr(byte[] data) {
        check(data, "wordpress-wxr");
    }
}
