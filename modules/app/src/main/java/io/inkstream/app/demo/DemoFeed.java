package io.inkstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo wire feed shipped in the jar ({@code /demo/feed/}, listed oldest first in {@code index.txt}),
 * with its ninjs times moved forward so the newest story is minutes old whenever the demo runs.
 */
public final class DemoFeed {

    public static final String FOLDER = "/demo/feed/";
    /** How old the newest demo story is when sent: recent, but not in the future. */
    static final Duration NEWEST_AGE = Duration.ofMinutes(5);
    private static final List<String> TIME_FIELDS = List.of("firstcreated", "versioncreated", "contentcreated");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FeedItem> items;

    private DemoFeed(List<FeedItem> items) {
        this.items = List.copyOf(items);
    }

    public static DemoFeed of(List<FeedItem> items) {
        return new DemoFeed(items);
    }

    /** Reads every file named in the index from the classpath. */
    public static DemoFeed fromClasspath() {
        List<FeedItem> items = new ArrayList<>();
        for (String name : index()) {
            String type = name.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8";
            items.add(new FeedItem(name, type, read(FOLDER + name)));
        }
        return new DemoFeed(items);
    }

    /** The file names in the order the demo sends them. */
    public static List<String> index() {
        return new String(read(FOLDER + "index.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    public List<FeedItem> items() {
        return items;
    }

    /**
     * The same feed with every ninjs time moved by one shift so that the newest story is
     * {@link #NEWEST_AGE} before {@code now}; spacing and time zones are kept. Other files are unchanged.
     */
    public DemoFeed shiftedTo(Instant now) {
        Instant newest = items.stream().filter(FeedItem::isNinjs)
                .map(item -> parse(item).path("firstcreated").asText(null))
                .filter(t -> t != null)
                .map(t -> OffsetDateTime.parse(t).toInstant())
                .max(Instant::compareTo)
                .orElse(now);
        Duration shift = Duration.between(newest, now.minus(NEWEST_AGE)).truncatedTo(ChronoUnit.MINUTES);
        List<FeedItem> shifted = new ArrayList<>();
        for (FeedItem item : items) {
            shifted.add(item.isNinjs() ? shift(item, shift) : item);
        }
        return new DemoFeed(shifted);
    }

    /** A ninjs item re-timed as published at {@code at} (in its own time zone), for news that breaks during the demo. */
    public static FeedItem publishedAt(FeedItem item, Instant at) {
        OffsetDateTime first = OffsetDateTime.parse(parse(item).path("firstcreated").asText());
        return shift(item, Duration.between(first.toInstant(), at).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The main headline of a ninjs item (1.x or 2.x), or the file name. */
    public static String headline(FeedItem item) {
        if (!item.isNinjs()) {
            return item.name();
        }
        JsonNode json = parse(item);
        if (json.hasNonNull("headline")) {
            return json.get("headline").asText();
        }
        for (JsonNode h : json.path("headlines")) {
            if ("main".equals(h.path("role").asText())) {
                return h.path("value").asText();
            }
        }
        return item.name();
    }

    private static FeedItem shift(FeedItem item, Duration shift) {
        ObjectNode json = (ObjectNode) parse(item);
        for (String field : TIME_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && value.isTextual()) {
                json.put(field, OffsetDateTime.parse(value.asText()).plus(shift)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        }
        try {
            return new FeedItem(item.name(), item.contentType(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(FeedItem item) {
        try {
            return JSON.readTree(item.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("demo feed file " + item.name() + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = DemoFeed.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
