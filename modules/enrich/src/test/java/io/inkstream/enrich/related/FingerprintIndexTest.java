package io.inkstream.enrich.related;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static Fingerprint article(String id, Instant publishedAt, String... terms) {
        Map<String, Double> vector = new java.util.HashMap<>();
        for (String term : terms) {
            vector.put(term, 1.0 / Math.sqrt(terms.length));
        }
        return new Fingerprint(id, "headline " + id, "/" + id, "world", publishedAt, vector, List.of(),
                Shingles.sketch("text of " + id), null);
    }

    private static List<String> ids(List<Fingerprint> fingerprints) {
        return fingerprints.stream().map(Fingerprint::id).toList();
    }

    @Test
    void onlyArticlesSharingTwoTermsAreCandidatesInIdOrder() {
        FingerprintIndex index = new FingerprintIndex();
        index.put(article("c", T0, "flood", "river", "rain"));
        index.put(article("a", T0, "flood", "river"));
        index.put(article("b", T0, "flood", "election"));
        index.put(article("d", T0, "vote", "election"));

        assertThat(ids(index.sharingTerms(article("new", T0, "flood", "river", "dam"), 2))).containsExactly("a", "c");
    }

    @Test
    void anArticleWithOneTermLooksAtThoseSharingItAndOneWithoutTermsAtAll() {
        FingerprintIndex index = new FingerprintIndex();
        index.put(article("a", T0, "flood", "river"));
        index.put(article("b", T0, "vote"));

        assertThat(ids(index.sharingTerms(article("new", T0, "flood"), 2))).containsExactly("a");
        assertThat(ids(index.sharingTerms(article("new", T0), 2))).containsExactly("a", "b");
    }

    @Test
    void aReplacedOrRemovedArticleIsFoundByItsCurrentTermsOnly() {
        FingerprintIndex index = new FingerprintIndex();
        index.put(article("a", T0, "flood", "river"));
        index.put(article("a", T0, "vote", "election"));
        index.put(article("b", T0, "vote", "election"));
        index.remove("b");

        assertThat(index.sharingTerms(article("new", T0, "flood", "river"), 2)).isEmpty();
        assertThat(ids(index.sharingTerms(article("new", T0, "vote", "election"), 2))).containsExactly("a");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void articlesPublishedBeforeTheCutoffLeaveOldestFirstAndTheRestStay() {
        FingerprintIndex index = new FingerprintIndex();
        index.put(article("late", T0.plusSeconds(300), "flood", "river"));
        index.put(article("old", T0, "flood", "river"));
        index.put(article("middle", T0.plusSeconds(100), "flood", "river"));
        index.put(article("edge", T0.plusSeconds(200), "flood", "river"));

        assertThat(index.removePublishedBefore(T0.plusSeconds(200))).containsExactly("old", "middle");
        assertThat(ids(index.sharingTerms(article("new", T0, "flood", "river"), 2))).containsExactly("edge", "late");
    }
}
