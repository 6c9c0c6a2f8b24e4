package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.WireRejection;

import java.util.List;

/**
 * What parsing one wire item gave: one entry per story it carries, each a draft article (id and
 * content set, version not yet assigned) or the rejection to put on wire.rejected. A file that
 * cannot be read at all is one rejected entry.
 *
 * @param format the format the item was read as, or null when none was recognised
 */
public record ParseOutcome(String format, List<Entry> entries) {

    public ParseOutcome {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an outcome has at least one entry");
        }
    }

    /**
     * One story of the item, or why it was refused.
     *
     * @param label what names the entry inside its file (guid, title or position), or null for a single item
     */
    public record Entry(String label, Article draft, WireRejection rejection) {
        public boolean isRejected() {
            return rejection != null;
        }
    }

    public static ParseOutcome rejected(WireRejection rejection) {
        return new ParseOutcome(null, List.of(new Entry(null, null, rejection)));
    }

    /** The drafts of the stories read, in the item's order. */
    public List<Article> drafts() {
        return entries.stream().filter(e -> !e.isRejected()).map(Entry::draft).toList();
    }

    /** The rejections, one per refused entry (or one for the whole item). */
    public List<WireRejection> rejections() {
        return entries.stream().filter(Entry::isRejected).map(Entry::rejection).toList();
    }

    /** True when nothing of the item could be used. */
    public boolean isRejected() {
        return entries.stream().allMatch(Entry::isRejected);
    }

    /** The first rejection, for callers that answer a whole item: the item's own when it was refused as a whole. */
    public WireRejection rejection() {
        return rejections().isEmpty() ? null : rejections().get(0);
    }
}
