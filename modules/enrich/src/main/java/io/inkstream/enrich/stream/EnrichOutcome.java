package io.inkstream.enrich.stream;

import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.WireRejection;

/**
 * What enriching one ingested record produced: an enriched article, a removal, or a rejection; and
 * the changes to the related window it made, for enrich.fingerprints.
 */
public sealed interface EnrichOutcome {

    /** The article's new enriched version. */
    record Enriched(EnrichedArticle article) implements EnrichOutcome {
    }

    /** The article was killed: a tombstone on the compacted topic. */
    record Removed() implements EnrichOutcome {
    }

    /** The record could not be read or enriched; the reason goes to wire.rejected. */
    record Rejected(WireRejection rejection) implements EnrichOutcome {
    }

    /**
     * An article's fingerprint entering the window or a new version of it, or {@code null} when it leaves
     * (killed, withheld, expired); the record carries the stamp header of {@link WindowIndex}.
     */
    record WindowWrite(Fingerprint fingerprint) implements EnrichOutcome {
    }

    /** The value for articles.enriched: the article, or null (a tombstone) for a removal. */
    default EnrichedArticle enrichedOrTombstone() {
        return this instanceof Enriched enriched ? enriched.article() : null;
    }
}
