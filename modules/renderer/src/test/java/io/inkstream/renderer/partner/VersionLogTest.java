package io.inkstream.renderer.partner;

import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class VersionLogTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static PublishedArticle version(String id, int version, String section, PubStatus status) {
        return PublishedArticle.newBuilder().setId(id).setVersion(version).setPubStatus(status).setUrl("https://x/" + id)
                .setHeadline("h " + id).setSection(section).setLanguage("en-GB").setFirstCreated(T).setVersionCreated(T)
                .setSummary("").setBodyHtml("").setSubjects(List.of("medtop:11000000")).build();
    }

    @Test
    void pageGivesFilteredVersionsOldestFirstAndContinuesAfterWhatItLookedAt() {
        VersionLog log = new VersionLog(Duration.ofDays(30));
        log.append(0, T, version("a", 1, "Politics", PubStatus.usable));
        log.append(2, T, version("b", 1, "Business", PubStatus.usable)); // 1 was a transaction marker
        log.append(3, T, version("a", 2, "Politics", PubStatus.canceled));
        log.advanceEnd(5);
        PartnerFilter politics = new PartnerFilter(List.of("politics"), List.of(), List.of(), List.of(), List.of());

        VersionLog.Page first = log.page(0, 1, politics);
        assertThat(first.entries()).extracting(e -> e.article().getVersion()).containsExactly(1);
        assertThat(first.next()).isEqualTo(1);
        VersionLog.Page rest = log.page(first.next(), 10, politics);
        assertThat(rest.entries()).extracting(VersionLog.Entry::offset).containsExactly(3L);
        assertThat(rest.next()).isEqualTo(5);
        assertThat(log.page(5, 10, politics).entries()).isEmpty();
    }

    @Test
    void filterMatchesLanguagePrefixSubjectsAgencyAndPubStatus() {
        PublishedArticle a = version("a", 1, "Politics", PubStatus.canceled);
        assertThat(new PartnerFilter(List.of(), List.of(), List.of(), List.of("en"), List.of()).matches(a)).isTrue();
        assertThat(new PartnerFilter(List.of(), List.of(), List.of(), List.of("fr"), List.of()).matches(a)).isFalse();
        assertThat(new PartnerFilter(List.of(), List.of("MEDTOP:11000000"), List.of(), List.of(), List.of()).matches(a)).isTrue();
        assertThat(new PartnerFilter(List.of(), List.of(), List.of("Reuters"), List.of(), List.of()).matches(a)).isFalse();
        assertThat(new PartnerFilter(List.of(), List.of(), List.of(), List.of(), List.of("usable")).matches(a)).isFalse();
        assertThat(PartnerFilter.ANY.matches(a)).isTrue();
    }

    @Test
    void arrivalCompletesWhenAVersionComesAndFalseAfterTheTimeout() throws Exception {
        VersionLog log = new VersionLog(Duration.ofDays(30));
        CompletableFuture<Boolean> waiting = log.arrival(0, Duration.ofSeconds(30));
        assertThat(waiting).isNotDone();
        log.append(0, T, version("a", 1, "Politics", PubStatus.usable));
        assertThat(waiting.get()).isTrue();
        assertThat(log.arrival(1, Duration.ofMillis(10)).get()).isFalse();
    }
}
