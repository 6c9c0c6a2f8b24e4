package io.inkstream.events;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build's guard on the contract: every event schema must stay BACKWARD_TRANSITIVE
 * compatible with each released version kept under {@code schemas/released/<version>/}, i.e.
 * a consumer with today's schema can read everything any released producer ever wrote.
 */
public final class SchemaEvolution {

    /** Files that define named types other files use, parsed first. */
    private static final List<String> PARSE_FIRST = List.of("WireItem.avsc", "Article.avsc");

    private SchemaEvolution() {
    }

    /** One incompatibility: which record, against which release, and Avro's explanation. */
    public record Problem(String record, String release, String explanation) {
        @Override
        public String toString() {
            return record + " cannot read data written with release " + release + ": " + explanation;
        }
    }

    /** The current schemas, one per top-level record, from the generated classes. */
    public static Map<String, Schema> current() {
        Map<String, Schema> schemas = new TreeMap<>();
        for (Schema s : List.of(WireItem.getClassSchema(), WireRejection.getClassSchema(), Article.getClassSchema(),
                EnrichedArticle.getClassSchema(), PublishedArticle.getClassSchema(), PageView.getClassSchema(),
                Ranking.getClassSchema())) {
            schemas.put(s.getFullName(), s);
        }
        return schemas;
    }

    /** Parses the .avsc files of one directory (one release) into top-level record schemas by full name. */
    public static Map<String, Schema> parseDirectory(Path dir) {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.toString().endsWith(".avsc")).sorted((a, b) -> {
                int ia = PARSE_FIRST.indexOf(a.getFileName().toString());
                int ib = PARSE_FIRST.indexOf(b.getFileName().toString());
                ia = ia < 0 ? Integer.MAX_VALUE : ia;
                ib = ib < 0 ? Integer.MAX_VALUE : ib;
                return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
            }).forEach(files::add);
            for (Path file : files) {
                Schema schema = parser.parse(file.toFile());
                schemas.put(schema.getFullName(), schema);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schemas in " + dir, e);
        }
        return schemas;
    }

    /** Checks {@code current} against every release directory under {@code releasedRoot}. */
    public static List<Problem> check(Map<String, Schema> current, Path releasedRoot) {
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> releases = Files.list(releasedRoot)) {
            for (Path release : releases.filter(Files::isDirectory).sorted().toList()) {
                problems.addAll(check(current, parseDirectory(release), release.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list released schemas in " + releasedRoot, e);
        }
        return problems;
    }

    /** Checks {@code current} against one release's schemas. A record removed since the release is a problem too. */
    public static List<Problem> check(Map<String, Schema> current, Map<String, Schema> released, String releaseName) {
        List<Problem> problems = new ArrayList<>();
        released.forEach((name, writer) -> {
            Schema reader = current.get(name);
            if (reader == null) {
                problems.add(new Problem(name, releaseName, "the record no longer exists"));
                return;
            }
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                problems.add(new Problem(name, releaseName, result.getResult().getIncompatibilities().toString()));
            }
        });
        return problems;
    }
}
