package io.inkstream.renderer.syndication;

import io.inkstream.events.PublishedArticle;
import io.inkstream.testkit.IptcSchemas;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format, for the fixture article, its correction, its kill and articles using every body element
 * the sanitizer keeps, is valid against IPTC's published schema of its version (from ../shared/iptc;
 * skipped with a message without it). The demo corpus is validated end to end in app's
 * SyndicationCorpusTest.
 */
class IptcSchemaValidationTest {

    @Test
    void ninjsOfEveryVersionIsValidAgainstItsIptcSchema() {
        IptcSchemas.root();
        List<String> failures = new ArrayList<>();
        for (SyndicationFormat f : List.of(SyndicationFormat.NINJS_1_5, SyndicationFormat.NINJS_2_2, SyndicationFormat.NINJS_3_1)) {
            for (Map.Entry<String, PublishedArticle> sample : SyndicationSamples.all().entrySet()) {
                String json = new String(f.render(sample.getValue()), StandardCharsets.UTF_8);
                IptcSchemas.ninjsErrors(f.standardVersion(), json)
                        .forEach(e -> failures.add(f.id() + " " + sample.getKey() + ": " + e + "\n  " + json));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void ninjsListOfEveryVersionHoldsValidDocuments() throws Exception {
        IptcSchemas.root();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (SyndicationFormat f : List.of(SyndicationFormat.NINJS_1_5, SyndicationFormat.NINJS_2_2, SyndicationFormat.NINJS_3_1)) {
            byte[] list = f.renderList(new ArrayList<>(SyndicationSamples.all().values()), Instant.EPOCH);
            for (com.fasterxml.jackson.databind.JsonNode item : json.readTree(list).path("items")) {
                assertThat(IptcSchemas.ninjsErrors(f.standardVersion(), item.toString())).as(f.id()).isEmpty();
            }
        }
    }

    @Test
    void newsMlG2ItemsAndMessagesAreValidAgainstTheIptcXsd() {
        IptcSchemas.root();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, PublishedArticle> sample : SyndicationSamples.all().entrySet()) {
            byte[] xml = SyndicationFormat.NEWSML_G2.render(sample.getValue());
            IptcSchemas.newsMlG2Errors(xml).forEach(e -> failures.add(sample.getKey() + ": " + e + "\n  "
                    + new String(xml, StandardCharsets.UTF_8)));
        }
        byte[] message = SyndicationFormat.NEWSML_G2.renderList(new ArrayList<>(SyndicationSamples.all().values()),
                SyndicationSamples.NOW);
        IptcSchemas.newsMlG2Errors(message).forEach(e -> failures.add("newsMessage: " + e));
        assertThat(failures).isEmpty();
    }

    @Test
    void nitfIsValidAgainstTheIptcXsd() {
        IptcSchemas.root();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, PublishedArticle> sample : SyndicationSamples.all().entrySet()) {
            byte[] xml = SyndicationFormat.NITF.render(sample.getValue());
            IptcSchemas.nitfErrors(xml).forEach(e -> failures.add(sample.getKey() + ": " + e + "\n  "
                    + new String(xml, StandardCharsets.UTF_8)));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theValidatorsRejectWhatTheOldApiWrote() {
        IptcSchemas.root();
        String old = "{\"uri\":\"urn:x\",\"by\":\"A\",\"keywords\":[\"k\"],\"uri_canonical\":\"https://x.example/\"}";
        assertThat(IptcSchemas.ninjsErrors("1.5", old)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(IptcSchemas.ninjsErrors("2.2", old)).isNotEmpty();
        assertThat(IptcSchemas.newsMlG2Errors("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>"
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(IptcSchemas.nitfErrors("<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><head/></nitf>"
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
