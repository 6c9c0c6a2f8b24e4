package io.inkstream.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.inkstream.ingest.Expectations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each parser on the fixtures beside these tests, checked for the facts of its table:
 * {@code src/test/resources/expected/parsers/<parser>.json}, one row per fixture and behaviour, the first
 * story the parser gives checked field by field (see {@link io.inkstream.ingest.Expectations} for the grammar),
 * or, for a row with {@code refused}, the {@link RejectedItemException} it throws ({@code code}, {@code message}).
 * A kill's row names the story it kills ({@code sameSourceIdAs}, with {@code storyExpect} for that story): the two
 * must have one source id.
 * Sniffing, entries one by one and what compares two files stay in the {@code *ParserTest} classes.
 */
class ParserExpectedTest {

    static Stream<Arguments> cases() {
        return Expectations.tables("/expected/parsers")
                .flatMap(table -> Expectations.cases(table).stream()
                        .map(c -> Arguments.of(table.path("name").asText() + ": " + c.path("test").asText(),
                                table.path("parser").asText(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureGivesWhatItsTableRowStates(String name, String parser, JsonNode c) throws Exception {
        String contentType = c.hasNonNull("contentType") ? c.get("contentType").asText() : null;
        byte[] payload = TestResources.bytes(c.path("resource").asText());
        WireFormatParser p = parser(parser);
        if (c.has("refused")) {
            Throwable refusal = catchThrowable(() -> p.parse(payload, contentType));
            assertThat(refusal).as(name + ": refused").isInstanceOf(RejectedItemException.class);
            Expectations.check(name, refusal, c.get("refused"));
            return;
        }
        List<ParsedArticle> articles = p.parse(payload, contentType);
        if (c.path("only").asBoolean()) {
            assertThat(articles).as(name + ": one story").hasSize(1);
        }
        Expectations.check(name, articles.get(0), c.path("expect"));
        if (c.has("sameSourceIdAs")) {
            // a kill: the same story as the one it kills
            ParsedArticle story = p.parse(TestResources.bytes(c.get("sameSourceIdAs").asText()), null).get(0);
            assertThat(articles.get(0).sourceId()).as(name + ": the source id of " + c.get("sameSourceIdAs").asText())
                    .isEqualTo(story.sourceId());
            if (c.has("storyExpect")) {
                Expectations.check(name + " (story)", story, c.get("storyExpect"));
            }
        }
    }

    private static WireFormatParser parser(String simpleName) throws ReflectiveOperationException {
        return (WireFormatParser) Class.forName(WireFormatParser.class.getPackageName() + "." + simpleName)
                .getDeclaredConstructor().newInstance();
    }
}
