package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailParserTest {

    private final EmailParser parser = new EmailParser();

    @Test
    void forwardedStoryIsReadFromTheAttachedMessageAndLosesItsFwdPrefix() throws Exception {
        String mail = String.join("\r\n",
                "From: Night Desk <night@example.org>", "Subject: Fwd: RE: Harbour crane collapses", "Date: Wed, 03 Apr 2024 22:10:00 +0000",
                "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: message/rfc822", "",
                "From: Stringer <s@example.net>", "Subject: Harbour crane collapses", "Content-Type: text/plain; charset=UTF-8", "",
                "A crane collapsed at the container terminal on Wednesday. No one was hurt.", "--b--", "");
        ParsedArticle a = parser.parse(mail.getBytes(java.nio.charset.StandardCharsets.UTF_8), "message/rfc822").get(0);

        assertThat(a.headline()).isEqualTo("Harbour crane collapses");
        assertThat(a.paragraphs()).containsExactly("A crane collapsed at the container terminal on Wednesday. No one was hurt.");
    }

    @Test
    void sniffsHeadersOrTheMediaType() {
        assertThat(parser.sniff(TestResources.bytes("/email/wrong-weekday-latin1.eml"), null, null)).isTrue();
        assertThat(parser.sniff(("\r\n   \r\n" + "From: a@example.org\r\nSubject: x\r\nDate: Tue, 02 Apr 2024 06:00:00 +0000\r\n\r\nbody").getBytes(), null, null)).isTrue();
        assertThat(parser.sniff("anything".getBytes(), "message/rfc822", null)).isTrue();
        assertThat(parser.sniff(TestResources.ecnsFixture(), null, null)).isFalse();
        assertThat(parser.sniff("Note: this is prose.\nFrom: nobody\n".getBytes(), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.bytes("/page-text/binary-garbage.bin"), null, null)).isFalse();
    }
}
