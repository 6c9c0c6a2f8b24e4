package io.inkstream.ingest.realwire;

import io.inkstream.events.WireRejection;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real NITF files of {@code ../shared/wire/nitf}, each checked for what superdesk-core's
 * {@code tests/io/feed_parsers} tests assert for it (nitf_tests, efe_nitf_tests, pa_nitf_test),
 * and for what Inkstream reads beyond them. Superdesk's word counts, provider sequence numbers and
 * editor's notes (ed-msg) have no field in Inkstream's Article and are not checked.
 */
class RealWireNitfTest {

    /**
     * Not read: the IPTC sample declares {@code <!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">}, and any
     * DOCTYPE is refused as hostile-xml (DTDs stay off, whatever the format). Superdesk reads it:
     * headline "Weather and Tide Updates for Norfolk", pubstatus canceled, guid iptc.321656141.b,
     * 3 subjects, byline "By Alan Karben". The same document without its DOCTYPE line reads so here.
     */
    @Test
    void iptcFishingSampleIsRefusedForItsDoctypeNamingNitf() {
        RealWire.Result result = RealWire.pushed("nitf/nitf-fishing.xml");

        assertThat(result.articles()).isEmpty();
        WireRejection r = result.rejections().get(0);
        assertThat(r.getCode()).isEqualTo("hostile-xml");
        assertThat(r.getReason()).contains("NITF", "DOCTYPE");
    }
}
