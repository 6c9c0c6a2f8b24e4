package io.inkstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.inkstream.events.ContentType;
import io.inkstream.ingest.format.ParsedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The expectation tables' checker: each matcher holds where it should and fails, naming the path, where it should not. */
class ExpectationsTest {

    private static final ParsedArticle STORY = new ParsedArticle("Harbour bridge reopens", "Politics", null, "By Mara Quill",
            "EWS", null, "Portmere", Instant.parse("2026-03-14T07:00:00Z"), "+01:00", null, "en-GB", 3, null,
            ContentType.text, List.of("First paragraph.", "Second paragraph."), "<p>First paragraph.</p>",
            List.of(new ParsedArticle.Media(ContentType.picture, "https://img.example.org/bridge.jpg", "At dawn", "Ana Lutz", "The bridge")),
            List.of(), List.of("bridges", "Infrastructure"), "WIRE.7", null, null, null, List.of("anpa:a", "subj:14025000"),
            "Harbour-Bridge", List.of("a date was unreadable"));

    private static JsonNode json(String text) throws Exception {
        return JsonMapper.builder().build().readTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"headline\": \"Harbour bridge reopens\", \"priority\": 3, \"type\": \"text\", \"subheadline\": null}",
        "{\"publishedAt\": \"2026-03-14T07:00:00Z\"}",
        "{\"publishedAt\": \"2026-03-14T08:00:00+01:00\"}",
        "{\"subjectCodes\": [\"anpa:a\", \"subj:14025000\"], \"links\": {\"isEmpty\": true}}",
        "{\"text\": \"First paragraph.\\n\\nSecond paragraph.\"}",
        "{\"bodyHtml\": {\"startsWith\": \"<p>\", \"contains\": [\"First\"], \"doesNotContain\": \"script\", \"endsWith\": \"</p>\"}}",
        "{\"paragraphs\": {\"hasSize\": 2, \"first\": {\"startsWith\": \"First\"}, \"last\": \"Second paragraph.\"}}",
        "{\"paragraphs\": {\"startsWith\": \"First paragraph.\", \"anyMatch\": {\"contains\": \"Second\"}, \"noneMatch\": {\"contains\": \"Third\"}}}",
        "{\"subjects\": {\"contains\": \"bridges\", \"containsSubsequence\": [\"bridges\", \"Infrastructure\"], \"doesNotHaveDuplicates\": true}}",
        "{\"media\": [{\"type\": \"picture\", \"credit\": \"Ana Lutz\", \"url\": {\"endsWith\": \".jpg\"}}]}",
        "{\"media[].caption\": [\"At dawn\"], \"media[0].alt\": \"The bridge\"}",
        "{\"warnings\": [{\"contains\": [\"date\", \"unreadable\"]}], \"priority\": {\"isGreaterThan\": 2}}",
        "{\"slugline\": {\"as\": \"the agency's keyword\", \"isEqualTo\": \"Harbour-Bridge\", \"isNotBlank\": true}}",
    })
    void whatHoldsPasses(String expect) throws Exception {
        assertThatCode(() -> Expectations.check("story", STORY, json(expect))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"headline\": \"Harbour bridge closes\"}",
        "{\"priority\": 4}",
        "{\"type\": \"picture\"}",
        "{\"byline\": null}",
        "{\"publishedAt\": \"2026-03-14T07:00:00+01:00\"}",
        "{\"subjectCodes\": [\"subj:14025000\", \"anpa:a\"]}",
        "{\"subjectCodes\": [\"anpa:a\"]}",
        "{\"links\": {\"isNotEmpty\": true}}",
        "{\"text\": {\"startsWith\": \"Second\"}}",
        "{\"bodyHtml\": {\"doesNotContain\": \"First\"}}",
        "{\"bodyHtml\": {\"endsWith\": \"<p>\"}}",
        "{\"paragraphs\": {\"hasSize\": 3}}",
        "{\"paragraphs\": {\"last\": {\"startsWith\": \"First\"}}}",
        "{\"paragraphs\": {\"anyMatch\": {\"contains\": \"Third\"}}}",
        "{\"paragraphs\": {\"noneMatch\": {\"contains\": \"First\"}}}",
        "{\"subjects\": {\"containsSubsequence\": [\"Infrastructure\", \"bridges\"]}}",
        "{\"media\": [{\"credit\": \"Someone else\"}]}",
        "{\"media\": []}",
        "{\"media[].url\": {\"contains\": \"https://img.example.org/other.jpg\"}}",
        "{\"warnings\": [{\"contains\": \"charset\"}]}",
        "{\"priority\": {\"isGreaterThan\": 3}}",
        "{\"slugline\": {\"as\": \"the agency's keyword\", \"isEqualTo\": \"Bridge\"}}",
        "{\"headlin\": \"Harbour bridge reopens\"}",
        "{\"headline\": {\"startWith\": \"Harbour\"}}",
        "{\"links\": {\"isEmpty\": false}}",
        "{}",
    })
    void whatDoesNotHoldFailsNamingThePath(String expect) throws Exception {
        assertThatThrownBy(() -> Expectations.check("story", STORY, json(expect))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("story");
    }

    @Test
    void everyFailingPathOfACaseIsReportedAtOnce() {
        assertThatThrownBy(() -> Expectations.check("story", STORY, json("{\"headline\": \"x\", \"section\": \"y\"}")))
                .hasMessageContaining("story headline").hasMessageContaining("story section");
    }
}
