package io.inkstream.enrich.stream;

import io.inkstream.events.RelatedArticle;

import java.time.Instant;

/**
 * A request, keyed by the article whose related list it concerns, to its owning task (decision 0033): the
 * {@code cause} joins the list ({@code joining}, how the list links it), leaves it ({@code leaves}: killed or
 * withheld), or, when the cause is the article itself, the list is recomputed (a new version of a refreshed
 * article). Enrich's private record on its refresh repartition topic, as JSON.
 */
public record RefreshRequest(String cause, boolean leaves, Listing joining) {

    static RefreshRequest join(RelatedArticle listing) {
        return new RefreshRequest(listing.getId(), false, Listing.of(listing));
    }

    static RefreshRequest leave(String cause) {
        return new RefreshRequest(cause, true, null);
    }

    static RefreshRequest recompute(String self) {
        return new RefreshRequest(self, false, null);
    }

    /** A {@link RelatedArticle} as JSON. */
    public record Listing(String id, String headline, String canonicalPath, String section, Instant publishedAt,
                          double score) {

        static Listing of(RelatedArticle r) {
            return new Listing(r.getId(), r.getHeadline(), r.getCanonicalPath(), r.getSection(), r.getPublishedAt(),
                    r.getScore());
        }

        RelatedArticle toRelated() {
            return RelatedArticle.newBuilder().setId(id).setHeadline(headline).setCanonicalPath(canonicalPath)
                    .setSection(section).setPublishedAt(publishedAt).setScore(score).build();
        }
    }
}
