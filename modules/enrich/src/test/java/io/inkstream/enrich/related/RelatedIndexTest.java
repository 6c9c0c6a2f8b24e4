package io.inkstream.enrich.related;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RelatedIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final RelatedFinder RULES = new RelatedFinder(Duration.ofDays(30), 5, 0.07, 0.5);

    private final RelatedIndex index = new RelatedIndex(RULES);

    @AfterEach
    void close() {
        index.close();
    }

    /** Article n: on topic n % 7, terms drawn from the topic's words and the common ones, a text of its own. */
    private static Fingerprint article(int n, Instant at, Random random) {
        int topic = n % 7;
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            String term = random.nextInt(3) == 0 ? "common" + random.nextInt(60) : "t" + topic + "w" + random.nextInt(30);
            weights.merge(term, 0.2 + random.nextDouble(), Double::sum);
        }
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        weights.replaceAll((t, w) -> w / norm);
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            entities.add("PERSON:p" + topic + "-" + random.nextInt(5));
        }
        return new Fingerprint("urn:a:" + n, "Story " + n, "/s/" + n + ".html", "section" + topic % 3, at, weights, entities,
                Shingles.minHash(ownWords(random)), null);
    }

    private static String ownWords(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            text.append(" w").append(random.nextInt(500));
        }
        return text.toString();
    }

    /**
     * The index rescores the best candidates of a query on each article's best terms, where scanning
     * scores every article: on 300 articles of seven topics (about 200 articles each, all on-topic
     * candidates) nearly every list is the same, and the copy found is always the same.
     */
    @Test
    void theIndexFindsWhatScanningTheWholeWindowFinds() {
        Random random = new Random(7);
        int compared = 0;
        int same = 0;
        int withRelated = 0;
        for (int n = 0; n < 1500; n++) {
            Fingerprint next = article(n, T0.plusSeconds(60L * n), random);
            if (n % 5 == 0) {
                RelatedFinder.Result indexed = index.find(next);
                RelatedFinder.Result scanned = index.findByScanning(next);
                assertThat(indexed.duplicateOf()).as("article %d", n).isEqualTo(scanned.duplicateOf());
                same += indexed.related().equals(scanned.related()) ? 1 : 0;
                compared++;
                withRelated += indexed.related().isEmpty() ? 0 : 1;
            }
            index.put(next);
            if (n % 11 == 0 && n > 0) {
                index.remove("urn:a:" + (n - 7)); // a kill
            }
            if (n % 13 == 0 && n > 20) {
                index.put(article(n - 20, T0.plusSeconds(60L * (n - 20)), random)); // a new version
            }
        }
        assertThat(compared).isEqualTo(300);
        assertThat(same).as("lists the same as scanning's").isGreaterThanOrEqualTo(compared * 95 / 100);
        assertThat(withRelated).as("the comparison is about lists, not empty answers").isGreaterThan(250);
    }

    @Test
    void aCopyIsFoundThroughItsBandsBeforeAndAfterTheReaderIsReopened() {
        Random random = new Random(3);
        String story = "Captain of wrecked cruise ship goes on trial in Italy over the deaths of passengers, "
                + "accused of manslaughter and abandoning ship while passengers were still aboard the liner off Giglio";
        Fingerprint original = new Fingerprint("urn:a:orig", "Captain on trial", "/w/orig.html", "World", T0,
                Map.of("captain", 0.6, "cruise", 0.5, "trial", 0.62), List.of(), Shingles.minHash(story), null);
        index.put(original);
        Fingerprint copy = new Fingerprint("urn:b:copy", "Cruise captain tried", "/w/copy.html", "World", T0.plusSeconds(600),
                Map.of("captain", 0.6, "cruise", 0.5, "trial", 0.62), List.of(), Shingles.minHash("GROSSETO, Italy (AP) -- " + story), null);

        assertThat(index.find(copy).duplicateOf()).as("still pending").isEqualTo("urn:a:orig");
        for (int n = 0; n < RelatedIndex.PENDING_MAX + 10; n++) {
            index.put(article(n, T0.plusSeconds(n), random));
        }
        RelatedFinder.Result found = index.find(copy);
        assertThat(found.duplicateOf()).as("in Lucene").isEqualTo("urn:a:orig");
        assertThat(found.related()).extracting(r -> r.getId()).doesNotContain("urn:a:orig");

        index.remove("urn:a:orig");
        assertThat(index.find(copy).duplicateOf()).as("killed").isNull();
    }

    @Test
    void articlesPublishedBeforeTheCutoffLeaveOldestFirstAndTheRestStay() {
        Random random = new Random(5);
        for (int n = 0; n < 10; n++) {
            index.put(article(n, T0.plus(Duration.ofDays(n)), random));
        }
        assertThat(index.removeIndexedBefore(T0.plus(Duration.ofDays(3)))).containsExactly("urn:a:0", "urn:a:1", "urn:a:2");
        assertThat(index.size()).isEqualTo(7);
        Fingerprint later = article(7, T0.plus(Duration.ofDays(11)), new Random(5));
        assertThat(index.find(later).related()).extracting(r -> r.getId()).doesNotContain("urn:a:0", "urn:a:1", "urn:a:2");
    }
}
