package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.WireRejection;

import java.util.List;

/**
 * What parsing one wire item gave: draft articles (id and content set, version not yet
 * assigned) or the rejection to put on wire.rejected.
 */
public record ParseOutcome(List<Article> drafts, WireRejection rejection) {

    public static ParseOutcome parsed(List<Article> drafts) {
        return new ParseOutcome(List.copyOf(drafts), null);
    }

    public static ParseOutcome rejected(WireRejection rejection) {
        return new ParseOutcome(List.of(), rejection);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
