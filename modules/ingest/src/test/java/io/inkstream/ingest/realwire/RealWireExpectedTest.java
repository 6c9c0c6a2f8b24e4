package io.inkstream.ingest.realwire;

import com.fasterxml.jackson.databind.JsonNode;
import io.inkstream.ingest.Expectations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The real agency files of {@code ../shared/wire/}, each pushed through a fresh real topology of its own and
 * checked for the facts its table row states: {@code src/test/resources/expected/realwire/<format>.json}, one
 * table per format, each row naming the file, what superdesk-core's own parser test (or the file itself)
 * asserts, and why where it is not plain (see {@link Expectations} for the grammar). What a table cannot say
 * (a story and its kill through one topology, a rejection's reason) stays in the {@code RealWire*Test} classes.
 */
class RealWireExpectedTest {

    static Stream<Arguments> cases() {
        return Expectations.tables("/expected/realwire")
                .flatMap(table -> Expectations.cases(table).stream()
                        .map(c -> Arguments.of(table.path("name").asText() + ": " + c.path("test").asText(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void realFileGivesWhatItsTableRowStates(String name, JsonNode c) {
        String contentType = c.hasNonNull("contentType") ? c.get("contentType").asText() : null;
        RealWire.Result result = RealWire.pushed(c.path("file").asText(), contentType);
        Expectations.check(name, result, c.path("expect"));
    }
}
