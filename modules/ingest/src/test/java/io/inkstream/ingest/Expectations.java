package io.inkstream.ingest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.generic.IndexedRecord;
import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expected facts about a parsed story, as a table: one JSON object of paths and matchers per
 * fixture, checked against the real object (an Avro {@code Article}, a {@code ParsedArticle}, a
 * {@code RealWire.Result}). The tables sit in {@code src/test/resources/expected/}; a failure
 * names the case and the path ({@code "ninjs1... only.headline"}), and every failing path of a
 * case is reported at once.
 *
 * <p>The grammar, for an expectation {@code "path": matcher}:
 * <ul>
 *   <li>a path is properties joined by dots: {@code provenance.sourceId}; a property is a no-argument
 *       method of that name or its {@code get} form; {@code text} is the paragraphs joined by blank lines;
 *       {@code [N]} is one list element, {@code []} every element ({@code media[].url});</li>
 *   <li>a string, number or boolean is {@code isEqualTo}, read as the actual value's type ({@link Instant},
 *       an enum constant, an int or long); {@code null} is {@code isNull};</li>
 *   <li>an array is {@code containsExactly}: as many elements, in that order, each matched by its own matcher;</li>
 *   <li>an object is, on a record, more expectations on its properties; on anything else, operators:
 *       {@code startsWith}, {@code endsWith}, {@code contains} and {@code doesNotContain} (of a string, its
 *       text; of a list, its elements: one value or an array), {@code containsSubsequence}, {@code doesNotStartWith},
 *       {@code doesNotHaveDuplicates}, {@code hasSize}, {@code hasSizeGreaterThan}, {@code isEmpty}, {@code isNotEmpty}, {@code isNotBlank}, {@code isNotNull}, {@code isGreaterThan}, {@code first} and
 *       {@code last} (a matcher for that element), {@code anyMatch} and {@code noneMatch} (a matcher
 *       for the elements), {@code isEqualTo} and {@code isNull} (beside a reason), and {@code as} (the
 *       reason, shown when it fails).</li>
 * </ul>
 * An unknown path or operator fails the case: a typo cannot pass as an expectation.
 */
public final class Expectations {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private static final Set<String> OPERATORS = Set.of("startsWith", "endsWith", "contains", "doesNotContain",
            "containsSubsequence", "hasSize", "hasSizeGreaterThan", "isEmpty", "isNotEmpty", "doesNotHaveDuplicates",
            "doesNotStartWith", "isNotBlank", "isNotNull", "isGreaterThan", "first", "last",
            "anyMatch", "noneMatch", "isEqualTo", "isNull", "as");

    /** Operators that take no argument: written {@code true}, so that a {@code false} cannot pass as their negation. */
    private static final Set<String> FLAGS = Set.of("isEmpty", "isNotEmpty", "isNotBlank", "isNotNull", "doesNotHaveDuplicates");

    private Expectations() {
    }

    /** Each table in a test-resource folder ({@code /expected/realwire}), as JSON, by file name. */
    public static Stream<JsonNode> tables(String folder) {
        URL url = Expectations.class.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no expectation tables at " + folder);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(Expectations::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable expectation table " + file, e);
        }
    }

    /**
     * The cases of a table, each with the table's own {@code expect} (what every case of it holds, such as the
     * format) added in front of the case's.
     */
    public static List<JsonNode> cases(JsonNode table) {
        List<JsonNode> cases = new ArrayList<>();
        for (JsonNode c : table.path("cases")) {
            ObjectNode merged = c.deepCopy();
            ObjectNode expect = JSON.createObjectNode();
            table.path("expect").fields().forEachRemaining(e -> expect.set(e.getKey(), e.getValue()));
            c.path("expect").fields().forEachRemaining(e -> expect.set(e.getKey(), e.getValue()));
            merged.set("expect", expect);
            cases.add(merged);
        }
        return cases;
    }

    /** Checks every expectation of {@code expect} on {@code actual}; fails with all that do not hold. */
    public static void check(String name, Object actual, JsonNode expect) {
        SoftAssertions softly = new SoftAssertions();
        if (!expect.isObject() || expect.isEmpty()) {
            softly.fail("%s: no expectations", name);
        }
        new Checker(softly, name).properties("", actual, expect);
        softly.assertAll();
    }

    private record Checker(SoftAssertions softly, String name) {

        void properties(String at, Object record, JsonNode expect) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                Object value;
                try {
                    value = resolve(record, e.getKey());
                } catch (IllegalArgumentException bad) {
                    softly.fail("%s %s: %s", name, path, bad.getMessage());
                    continue;
                }
                match(path, value, e.getValue());
            }
        }

        void match(String path, Object actual, JsonNode m) {
            match(path, actual, m, name + " " + path);
        }

        void match(String path, Object actual, JsonNode m, String at) {
            if (m.isNull()) {
                softly.assertThat(actual).as(at).isNull();
            } else if (m.isArray()) {
                if (!(actual instanceof List<?> list)) {
                    softly.fail("%s: expected a list, was %s", at, actual);
                    return;
                }
                softly.assertThat(list).as(at).hasSize(m.size());
                for (int i = 0; i < Math.min(m.size(), list.size()); i++) {
                    match(path + "[" + i + "]", list.get(i), m.get(i));
                }
            } else if (m.isObject() && isRecord(actual)) {
                properties(path, actual, m);
            } else if (m.isObject()) {
                operators(path, actual, m);
            } else {
                softly.assertThat(actual).as(at).isEqualTo(value(m, actual));
            }
        }

        private void operators(String path, Object actual, JsonNode ops) {
            String reason = ops.path("as").asText(null);
            String at = name + " " + path + (reason == null ? "" : " (" + reason + ")");
            for (Iterator<Map.Entry<String, JsonNode>> it = ops.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode arg = e.getValue();
                if (FLAGS.contains(e.getKey()) && !arg.asBoolean(false)) {
                    softly.fail("%s: %s takes true, not %s", at, e.getKey(), arg);
                    continue;
                }
                switch (e.getKey()) {
                    case "as" -> { }
                    case "isEqualTo" -> match(path, actual, arg, at);
                    case "isNull" -> softly.assertThat(actual).as(at).isNull();
                    case "startsWith" -> {
                        if (actual instanceof List<?> list) {
                            softly.assertThat(objects(list)).as(at).startsWith(values(arg, list));
                        } else {
                            softly.assertThat(string(at, actual)).as(at).startsWith(arg.asText());
                        }
                    }
                    case "endsWith" -> {
                        if (actual instanceof List<?> list) {
                            softly.assertThat(objects(list)).as(at).endsWith(values(arg, list));
                        } else {
                            softly.assertThat(string(at, actual)).as(at).endsWith(arg.asText());
                        }
                    }
                    case "contains" -> {
                        if (actual instanceof List<?> list) {
                            softly.assertThat(objects(list)).as(at).contains(values(arg, list));
                        } else {
                            softly.assertThat(string(at, actual)).as(at).contains(texts(arg));
                        }
                    }
                    case "doesNotContain" -> {
                        if (actual instanceof List<?> list) {
                            softly.assertThat(objects(list)).as(at).doesNotContain(values(arg, list));
                        } else {
                            softly.assertThat(string(at, actual)).as(at).doesNotContain(texts(arg));
                        }
                    }
                    case "containsSubsequence" -> softly.assertThat(objects(list(at, actual))).as(at).containsSubsequence(
                            values(arg, list(at, actual)));
                    case "hasSize" -> {
                        if (actual instanceof CharSequence s) {
                            softly.assertThat(s).as(at).hasSize(arg.asInt());
                        } else {
                            softly.assertThat(list(at, actual)).as(at).hasSize(arg.asInt());
                        }
                    }
                    case "isEmpty" -> {
                        if (actual instanceof CharSequence s) {
                            softly.assertThat(s).as(at).isEmpty();
                        } else {
                            softly.assertThat(list(at, actual)).as(at).isEmpty();
                        }
                    }
                    case "isNotEmpty" -> {
                        if (actual instanceof CharSequence s) {
                            softly.assertThat(s).as(at).isNotEmpty();
                        } else {
                            softly.assertThat(list(at, actual)).as(at).isNotEmpty();
                        }
                    }
                    case "hasSizeGreaterThan" -> softly.assertThat(list(at, actual)).as(at).hasSizeGreaterThan(arg.asInt());
                    case "doesNotHaveDuplicates" -> softly.assertThat(list(at, actual)).as(at).doesNotHaveDuplicates();
                    case "doesNotStartWith" -> softly.assertThat(string(at, actual)).as(at).doesNotStartWith(arg.asText());
                    case "isNotBlank" -> softly.assertThat(string(at, actual)).as(at).isNotBlank();
                    case "isNotNull" -> softly.assertThat(actual).as(at).isNotNull();
                    case "isGreaterThan" -> softly.assertThat(((Number) actual).longValue()).as(at).isGreaterThan(arg.asLong());
                    case "first" -> element(path + ".first", actual, 0, arg);
                    case "last" -> element(path + ".last", actual, -1, arg);
                    case "anyMatch" -> softly.assertThat(list(at, actual).stream().anyMatch(x -> holds(x, arg)))
                            .as("%s: an element matching %s in %s", at, arg, actual).isTrue();
                    case "noneMatch" -> softly.assertThat(list(at, actual).stream().noneMatch(x -> holds(x, arg)))
                            .as("%s: no element matching %s in %s", at, arg, actual).isTrue();
                    default -> softly.fail("%s: unknown operator %s (known: %s)", at, e.getKey(), OPERATORS);
                }
            }
        }

        private void element(String path, Object actual, int index, JsonNode m) {
            List<?> list = list(name + " " + path, actual);
            if (list.isEmpty()) {
                softly.fail("%s %s: the list is empty", name, path);
                return;
            }
            match(path, list.get(index < 0 ? list.size() + index : index), m);
        }

        /** Whether one element matches, without recording its failures (for anyMatch and noneMatch). */
        private boolean holds(Object element, JsonNode m) {
            SoftAssertions quiet = new SoftAssertions();
            new Checker(quiet, name).match("", element, m);
            return quiet.wasSuccess();
        }

        private String string(String at, Object actual) {
            if (actual != null && !(actual instanceof CharSequence)) {
                softly.fail("%s: expected text, was %s", at, actual);
                return null;
            }
            return actual == null ? null : actual.toString();
        }

        private List<?> list(String at, Object actual) {
            if (actual instanceof List<?> list) {
                return list;
            }
            softly.fail("%s: expected a list, was %s", at, actual);
            return List.of();
        }
    }

    private static List<Object> objects(List<?> list) {
        return new ArrayList<>(list);
    }

    private static boolean isRecord(Object o) {
        return o instanceof Record || o instanceof IndexedRecord;
    }

    /** Follows one path segment chain (a.b[0].c[].d) from a value. */
    static Object resolve(Object from, String path) {
        Object at = from;
        for (String segment : path.split("\\.")) {
            String property = segment.contains("[") ? segment.substring(0, segment.indexOf('[')) : segment;
            String index = segment.contains("[") ? segment.substring(segment.indexOf('[') + 1, segment.indexOf(']')) : null;
            at = property.isEmpty() ? at : property(at, property);
            if (index != null) {
                List<?> list = (List<?>) at;
                at = index.isEmpty() ? list : list.get(Integer.parseInt(index));
            }
        }
        return at;
    }

    private static Object property(Object from, String property) {
        if (from instanceof List<?> list) {
            // a projection: after "media[]", "url" is every element's url
            return list.stream().map(e -> property(e, property)).toList();
        }
        if (from == null) {
            throw new IllegalArgumentException("no " + property + " on null");
        }
        if (property.equals("text")) {
            return String.join("\n\n", (List<?>) property(from, "paragraphs") == null ? List.of()
                    : ((List<?>) property(from, "paragraphs")).stream().map(String::valueOf).toList());
        }
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String candidate : List.of(property, getter)) {
            try {
                Method m = from.getClass().getMethod(candidate);
                if (!Modifier.isStatic(m.getModifiers())) {
                    return m.invoke(from);
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(property + " threw " + e.getCause(), e.getCause());
            }
        }
        throw new IllegalArgumentException("no property " + property + " on " + from.getClass().getSimpleName());
    }

    /** A JSON scalar as the actual value's type, so that equality compares like with like. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object value(JsonNode m, Object like) {
        if (like instanceof Instant && m.isTextual()) {
            // written as the source states it: UTC, or a local time with its offset
            String t = m.asText();
            return t.endsWith("Z") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant();
        }
        if (like instanceof Enum<?> e && m.isTextual()) {
            return Enum.valueOf((Class) e.getDeclaringClass(), m.asText());
        }
        if (like instanceof Long && m.isNumber()) {
            return m.asLong();
        }
        if (like instanceof Integer && m.isNumber()) {
            return m.asInt();
        }
        if (m.isBoolean()) {
            return m.asBoolean();
        }
        if (m.isNumber()) {
            return m.numberValue();
        }
        return m.asText();
    }

    private static Object[] values(JsonNode arg, List<?> like) {
        Object sample = like.isEmpty() ? null : like.get(0);
        List<Object> out = new ArrayList<>();
        for (JsonNode v : arg.isArray() ? arg : JSON.createArrayNode().add(arg)) {
            out.add(value(v, sample));
        }
        return out.toArray();
    }

    private static String[] texts(JsonNode arg) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : arg.isArray() ? arg : JSON.createArrayNode().add(arg)) {
            out.add(v.asText());
        }
        return out.toArray(String[]::new);
    }
}
