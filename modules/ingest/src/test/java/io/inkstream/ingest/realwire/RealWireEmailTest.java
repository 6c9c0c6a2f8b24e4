package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 822 files of superdesk-core's fixtures, each checked for what its
 * {@code rfc822_parser_test.py} asserts, plus what Inkstream reads beyond. The form mails' byline
 * and sign-off ("E Harvey", "A Mock Up", "TA") and their desk come, in superdesk, from its own user
 * and desk records looked up by the reporter's address: they are not in the files, so Inkstream
 * leaves the byline empty. Superdesk's original_source is the sender's address; Inkstream's
 * source is printed on pages, so it is the sender's name, else the address's domain.
 */
class RealWireEmailTest {

    @Test
    void simpleMailSentAsMessageRfc822ReadsSubjectSenderDateAndTheHtmlAlternative() {
        RealWire.Result r = RealWire.pushed("rfc822/simple_email.txt", "message/rfc822");
        Article a = r.only();

        assertThat(r.format()).isEqualTo("rfc822");
        assertThat(a.getHeadline()).isEqualTo("Test message 1234");
        assertThat(a.getSourceAgency()).as("superdesk: original_source \"a sender <asender@a.com.au>\"; the address is not printed").isEqualTo("a sender");
        assertThat(a.getByline()).isEqualTo("a sender");
        assertThat(a.getParagraphs()).containsExactly("body text");
        assertThat(a.getBodyHtml()).startsWith("body text").doesNotContain("-- ", "dir=");
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2015-02-19T06:18:40Z"));
        assertThat(a.getPublishedOffset()).isEqualTo("+11:00");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("<CAHU3GgVHd6C_RSMQXvOhr6V-Ya0LwdBkqpbZ_qUwGF8JvhrQVg@mail.gmail.com>");
        assertThat(a.getProvenance().getWarnings()).isEmpty();
    }

    @Test
    void encodedSubjectIsDecodedWhenUploadedWithoutMediaTypeAfterAPaddingLine() {
        RealWire.Result r = RealWire.pushed("rfc822/charset_in_subject_email.txt");
        Article a = r.only();

        assertThat(r.format()).isEqualTo("rfc822");
        assertThat(a.getHeadline()).isEqualTo("Google Apps News March 2015");
        assertThat(a.getParagraphs()).containsExactly("body text");
    }

    @Test
    void googleFormMailIsReadFieldByField() {
        Article a = RealWire.article("rfc822/googleform1.txt");

        assertThat(a.getHeadline()).isEqualTo("Arnold 'worried' about maroon-clad Roar");
        assertThat(a.getPriority()).as("News Value, Priority being blank").isEqualTo(2);
        assertThat(a.getDatelinePlace()).isEqualTo("BRISBANE");
        assertThat(a.getSubheadline()).startsWith("Sydney FC coach Graham Arnold is \"worried\"");
        assertThat(a.getSlugline()).isEqualTo("Soc AL Roar");
        assertThat(a.getSubjectCodes()).containsExactly("anpa:s");
        assertThat(a.getSection()).isEqualTo("Sports");
        assertThat(a.getSourceAgency()).as("superdesk: original_source eharvey@aap.com.au").isEqualTo("aap.com.au");
        assertThat(a.getParagraphs()).hasSize(3).first().asString().startsWith("John Aloisi reckons");
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2016-11-17T23:35:10Z"));
    }

    @Test
    void jsonMailIsReadFieldByFieldAcrossItsLineWrapping() {
        Article a = RealWire.article("rfc822/json-email.txt");

        assertThat(a.getHeadline()).isEqualTo("Headline-2");
        assertThat(a.getSubheadline()).isEqualTo("Abstract-2");
        assertThat(a.getSlugline()).isEqualTo("Slugline-2");
        assertThat(a.getPriority()).isEqualTo(5);
        assertThat(a.getSubjectCodes()).containsExactly("anpa:s");
        assertThat(a.getParagraphs()).containsExactly("Lorem ipsum");
        assertThat(a.getType().toString()).isEqualTo("text");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("<001a1140cd6ecd9de8051fab814d@google.com>");
        assertThat(a.getSourceAgency()).as("superdesk: original_source mock@mail.com.au").isEqualTo("mail.com.au");
    }
}
