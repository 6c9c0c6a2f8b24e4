package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole of {@code ../shared/wire}: every real agency file is read (at least one article, or a
 * media item) and has a test of its own in this package that checks what the upstream project's
 * parser test asserts for it. Files judged out of scope are listed here with the reason, and in
 * the ingest README.
 */
class RealWireCatalogTest {

    /** Files not read right, with why; the README lists the same. */
    static final Map<String, String> NOT_RIGHT = Map.of(
            "nitf/nitf-fishing.xml", "carries a DOCTYPE: refused as hostile-xml by policy (issue #10, point 7); without"
                    + " that line it reads as Superdesk's test expects (RealWireNitfTest)");

    @Test
    void everyRealWireFileIsReadAndHasItsOwnTest() throws IOException {
        Path root = RealWire.root();
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        String tests = testSources();
        Map<String, String> problems = new TreeMap<>();
        int right = 0;
        for (String file : files) {
            if (NOT_RIGHT.containsKey(file)) {
                continue;
            }
            RealWire.Result result = RealWire.pushed(file);
            List<Article> articles = result.articles();
            if (articles.isEmpty()) {
                problems.put(file, "no article: " + result.rejections().stream()
                        .map(r -> r.getCode() + " (" + r.getReason() + ")").toList());
            } else if (!tests.contains("\"" + file + "\"")) {
                problems.put(file, "read as " + result.format() + " but no RealWire test names it");
            } else {
                right++;
            }
        }
        System.out.printf("real wire files: %d, read and tested: %d, judged out of scope: %d%n",
                files.size(), right, NOT_RIGHT.size());
        assertThat(problems).as("real wire files not read, or without a test of their own").isEmpty();
        assertThat(right).as("files read right").isGreaterThanOrEqualTo(70);
    }

    private static String testSources() throws IOException {
        Path dir = Path.of("src/test/java/io/inkstream/ingest/realwire");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.toString().endsWith("Test.java")).toList()) {
                if (!p.getFileName().toString().equals("RealWireCatalogTest.java")) {
                    texts.add(Files.readString(p));
                }
            }
        }
        // the rows of the expectation tables (RealWireExpectedTest) name their files too
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/expected/realwire"))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".json")).toList()) {
                texts.add(Files.readString(p));
            }
        }
        return String.join("\n", texts);
    }
}
