package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailParserTest {

    private final EmailParser parser = new EmailParser();

    @Test
    void multipartPrefersSanitizedHtmlAndListsPictureAttachmentsAsMedia() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/email/multipart-html-attachments.eml"), "message/rfc822").get(0);

        assertThat(a.headline()).as("RFC 2047 Q-encoded ISO-8859-1 subject").isEqualTo("Café opens on the harbour");
        assertThat(a.byline()).as("B-encoded display name").isEqualTo("José Peña");
        assertThat(a.sourceAgency()).isEqualTo("José Peña");
        assertThat(a.sourceId()).isEqualTo("<harbour-cafe-1@example.org>");
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2024-03-23T08:15:00Z"));
        assertThat(a.publishedOffset()).isEqualTo("+01:00");
        assertThat(a.paragraphs()).containsExactly("A café opened on the harbour front on Saturday.", "It seats forty.");
        assertThat(a.bodyHtml()).contains("<b>forty</b>").doesNotContain("script", "onclick", "color:red");
        assertThat(a.media()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(ContentType.picture);
            assertThat(m.url()).isEqualTo("cid:terrace@example.org");
            assertThat(m.caption()).isEqualTo("terrace.png");
        });
        assertThat(a.warnings()).singleElement().asString().contains("menu.pdf").contains("application/pdf");
    }

    @Test
    void wrongWeekdayKeepsTheDateWithAWarningAndLatin1FlowedTextIsJoinedWithoutSignature() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/email/wrong-weekday-latin1.eml"), null).get(0);

        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2015-02-19T06:18:40Z"));
        assertThat(a.warnings()).singleElement().asString().contains("says Mon").contains("Thursday").contains("kept");
        assertThat(a.paragraphs()).containsExactly(
                "The ferry to Söderholm will leave twenty minutes earlier from Monday, the operator said.",
                "Evening sailings are unchanged.");
        assertThat(a.bodyHtml()).isNull();
        assertThat(a.byline()).isEqualTo("Desk Reporter");
    }

    @Test
    void formNotificationJsonIsReadFieldByField() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/email/form-json.eml"), null).get(0);

        assertThat(a.headline()).isEqualTo("Harbour festival draws record crowd");
        assertThat(a.subheadline()).isEqualTo("More than 20,000 people came.");
        assertThat(a.slugline()).isEqualTo("Harbour Fest");
        assertThat(a.priority()).as("News Value when Priority is blank").isEqualTo(3);
        assertThat(a.subjects()).containsExactly("DOMESTIC SPORT");
        assertThat(a.subjectCodes()).containsExactly("anpa:s");
        assertThat(a.datelinePlace()).isEqualTo("PORTSVILLE");
        assertThat(a.sourceAgency()).as("the reporter address's organisation").isEqualTo("example.org");
        assertThat(a.paragraphs()).containsExactly("The festival drew a record crowd on Monday.", "Organisers thanked the volunteers.");
        assertThat(a.pubStatus()).isEqualTo(PubStatus.usable);
    }

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
    void mailWithNeitherSubjectNorBodyIsRefusedNamingTheFormat() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/email/no-subject-no-body.eml"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-headline"))
                .hasMessageContaining("E-mail (RFC 822)");
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
