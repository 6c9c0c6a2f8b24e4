package io.inkstream.enrich.related;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void theQuickCheckGivesTheSameAnswerAsTheResemblanceForCopiesRewritesAndOtherStories() {
        List<byte[]> sketches = new ArrayList<>();
        for (int length : new int[] {5, 120, 400}) {
            for (int changed : new int[] {0, length / 10, length / 3, length / 2, length}) {
                for (long seed = 1; seed <= 2; seed++) {
                    sketches.add(Shingles.sketch(text(length, changed, seed)));
                }
            }
        }
        sketches.add(Shingles.sketch(""));
        int similarPairs = 0;
        for (byte[] a : sketches) {
            for (byte[] b : sketches) {
                double resemblance = Shingles.resemblance(a, b);
                similarPairs += resemblance >= 0.5 ? 1 : 0;
                for (double threshold : new double[] {0.0, 0.1, 0.3, 0.5, 0.8, 1.0}) {
                    assertThat(Shingles.resembles(a, b, threshold))
                            .as("resemblance %s against %s", resemblance, threshold)
                            .isEqualTo(resemblance >= threshold);
                }
            }
        }
        assertThat(similarPairs).as("the pairs include copies, not only other stories").isGreaterThan(sketches.size());
    }
}
