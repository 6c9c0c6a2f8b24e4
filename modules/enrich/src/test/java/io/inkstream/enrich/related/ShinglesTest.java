package io.inkstream.enrich.related;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShinglesTest {

    private static final List<String> WORDS = List.of("flood", "river", "rain", "minister", "vote", "election",
            "bridge", "storm", "council", "police", "market", "shares", "coast", "village", "farmers", "water");

    /** A text of {@code length} words; {@code changed} of them (at the end) differ between seeds. */
    private static String text(int length, int changed, long seed) {
        Random shared = new Random(42);
        Random own = new Random(seed);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            Random source = i < length - changed ? shared : own;
            words.add(WORDS.get(source.nextInt(WORDS.size())));
        }
        return String.join(" ", words);
    }

    /** The exact Jaccard resemblance of two texts' three-word shingle sets. */
    private static double jaccard(String a, String b) {
        Set<String> left = shingles(a);
        Set<String> right = shingles(b);
        Set<String> union = new HashSet<>(left);
        union.addAll(right);
        left.retainAll(right);
        return union.isEmpty() ? 0 : (double) left.size() / union.size();
    }

    private static Set<String> shingles(String text) {
        List<String> words = List.of(text.split(" "));
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + 3)));
        }
        return shingles;
    }

    @Test
    void theMinHashEstimateIsCloseToTheExactResemblance() {
        for (int changed : new int[] {0, 40, 100, 200, 400}) {
            String a = text(400, changed, 1);
            String b = text(400, changed, 2);
            assertThat(Shingles.resemblance(Shingles.minHash(a), Shingles.minHash(b)))
                    .as("%d of 400 words changed", changed)
                    .isCloseTo(jaccard(a, b), within(0.15));
        }
        assertThat(Shingles.resemblance(Shingles.minHash("same words here"), Shingles.minHash("same words here"))).isEqualTo(1.0);
        assertThat(Shingles.minHash("")).isEmpty();
        assertThat(Shingles.resemblance(Shingles.minHash(""), Shingles.minHash(""))).isZero();
    }

    @Test
    void copiesShareAnLshBandAndOtherStoriesAlmostNever() {
        int copiesFound = 0;
        int copies = 0;
        int strangersMet = 0;
        int strangers = 0;
        for (long seed = 1; seed <= 40; seed++) {
            String story = text(300, 300, seed * 1000);
            String copy = text(300, 300, seed * 1000).replace("flood river", "flooding river") + " local time";
            double resemblance = Shingles.resemblance(Shingles.minHash(story), Shingles.minHash(copy));
            if (resemblance >= 0.5) {
                copies++;
                copiesFound += shareBand(story, copy) ? 1 : 0;
            }
            String other = text(300, 300, seed * 1000 + 1);
            strangers++;
            strangersMet += shareBand(story, other) ? 1 : 0;
        }
        assertThat(copies).as("the copies resemble their story").isEqualTo(40);
        assertThat(copiesFound).isEqualTo(copies);
        assertThat(strangersMet).as("unrelated texts of one vocabulary as candidates").isLessThanOrEqualTo(2);
    }

    private static boolean shareBand(String a, String b) {
        Set<Long> left = new HashSet<>();
        for (long band : Shingles.bands(Shingles.minHash(a))) {
            left.add(band);
        }
        for (long band : Shingles.bands(Shingles.minHash(b))) {
            if (left.contains(band)) {
                return true;
            }
        }
        return false;
    }
}
