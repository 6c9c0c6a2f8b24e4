package io.inkstream.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.inkstream.ingest.Expectations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each parser on the fixtures beside these tests, checked for the facts of its table:
 * {@code src/test/resources/expected/parsers/<parser>.json}, one row per fixture and behaviour, the first
 * story the parser gives checked field by field (see {@link io.inkstream.ingest.Expectations} for the grammar).
 * Refusals, sniffing and what compares two files stay in the {@code *ParserTest} classes.
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
        List<ParsedArticle> articles = parser(parser).parse(TestResources.bytes(c.path("resource").asText()), contentType);
        if (c.path("only").asBoolean()) {
            assertThat(articles).as(name + ": one story").hasSize(1);
        }
        Expectations.check(name, articles.get(0), c.path("expect"));
    }

    private static WireFormatParser parser(String simpleName) throws ReflectiveOperationException {
        return (WireFormatParser) Class.forName(WireFormatParser.class.getPackageName() + "." + simpleName)
                .getDeclaredConstructor().newInstance();
    }
}
