package io.inkstream.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a wire item as a parser read it: a story, or the reason this one entry cannot be
 * used. A file that carries several items (a NewsML-G2 newsMessage, a ninjs {@code {item:[…]}}
 * wrapper, a WordPress export, a feed) gives one entry per item, so that one bad item never sinks
 * the others.
 *
 * @param label   what names the entry inside its file for the sender (its guid, position or title), or null
 * @param article the story, or null when refused
 * @param refusal why the entry was refused, or null when it was read
 */
public record ParsedEntry(String label, ParsedArticle article, RejectedItemException refusal) {

    public ParsedEntry {
        if ((article == null) == (refusal == null)) {
            throw new IllegalArgumentException("an entry is either an article or a refusal");
        }
    }

    public static ParsedEntry of(String label, ParsedArticle article) {
        return new ParsedEntry(label, Objects.requireNonNull(article, "article"), null);
    }

    public static ParsedEntry refused(String label, RejectedItemException refusal) {
        return new ParsedEntry(label, null, Objects.requireNonNull(refusal, "refusal"));
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /**
     * The articles of the entries; when every entry was refused, the first refusal (naming how many
     * there were), so that a single-item caller sees the reason.
     */
    public static List<ParsedArticle> articles(List<ParsedEntry> entries) throws RejectedItemException {
        List<ParsedArticle> articles = new ArrayList<>();
        for (ParsedEntry e : entries) {
            if (!e.isRefused()) {
                articles.add(e.article());
            }
        }
        if (articles.isEmpty() && !entries.isEmpty()) {
            throw entries.get(0).refusal();
        }
        return articles;
    }
}
