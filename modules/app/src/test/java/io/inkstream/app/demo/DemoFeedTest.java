package io.inkstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo feed is re-timed so it always looks like the last few days, keeping its rhythm and time zones. */
class DemoFeedTest {

    private static final Instant NOW = Instant.parse("2030-03-04T05:06:07Z");

    @Test
    void newestStoryIsMinutesOldAndSpacingIsKept() {
        List<FeedItem> before = ninjs(DemoFeed.fromClasspath());
        List<FeedItem> after = ninjs(DemoFeed.fromClasspath().shiftedTo(NOW));

        Instant newest = after.stream().map(DemoFeedTest::firstCreated).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(newest, NOW)).isBetween(DemoFeed.NEWEST_AGE, DemoFeed.NEWEST_AGE.plusMinutes(1));
        Duration shift = Duration.between(firstCreated(before.get(0)), firstCreated(after.get(0)));
        for (int i = 0; i < before.size(); i++) {
            assertThat(Duration.between(firstCreated(before.get(i)), firstCreated(after.get(i)))).isEqualTo(shift);
            assertThat(json(after.get(i)).path("versioncreated").asText()).isEqualTo(json(after.get(i)).path("firstcreated").asText());
            assertThat(json(after.get(i)).path("firstcreated").asText()).endsWith("+08:00");
        }
    }

    @Test
    void storiesSpanTheLastFewDays() {
        List<Instant> times = ninjs(DemoFeed.fromClasspath().shiftedTo(NOW)).stream().map(DemoFeedTest::firstCreated).toList();
        Instant oldest = times.stream().min(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(oldest, NOW)).isBetween(Duration.ofDays(2), Duration.ofDays(5));
    }

    @Test
    void onlyTimesChangeAndThePageTextIsSentAsIs() {
        DemoFeed original = DemoFeed.fromClasspath();
        DemoFeed shifted = original.shiftedTo(NOW);
        for (int i = 0; i < original.items().size(); i++) {
            FeedItem a = original.items().get(i);
            FeedItem b = shifted.items().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            if (!a.isNinjs()) {
                assertThat(b.bytes()).isEqualTo(a.bytes());
                continue;
            }
            var left = (com.fasterxml.jackson.databind.node.ObjectNode) json(a);
            var right = (com.fasterxml.jackson.databind.node.ObjectNode) json(b);
            left.remove(List.of("firstcreated", "versioncreated"));
            right.remove(List.of("firstcreated", "versioncreated"));
            assertThat(right).isEqualTo(left);
        }
    }

    @Test
    void heldBackStoryIsStampedWithTheMomentItIsPublished() {
        FeedItem story = ninjs(DemoFeed.fromClasspath()).get(0);
        FeedItem live = DemoFeed.publishedAt(story, NOW);
        assertThat(firstCreated(live)).isEqualTo(NOW);
        assertThat(DemoFeed.headline(live)).isEqualTo(DemoFeed.headline(story)).isNotBlank();
    }

    private static List<FeedItem> ninjs(DemoFeed feed) {
        return feed.items().stream().filter(FeedItem::isNinjs).toList();
    }

    private static JsonNode json(FeedItem item) {
        return DemoFeed.parse(item);
    }

    private static Instant firstCreated(FeedItem item) {
        return OffsetDateTime.parse(json(item).path("firstcreated").asText()).toInstant();
    }
}
