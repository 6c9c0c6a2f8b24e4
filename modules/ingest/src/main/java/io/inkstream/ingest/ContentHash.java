package io.inkstream.ingest;

import io.inkstream.ingest.format.ParsedArticle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The fingerprint of what a reader would see of a story (every content field, status and
 * embargo; not where or when it was received), so a re-sent item is a duplicate and any
 * change, including a kill, is a new version.
 */
final class ContentHash {

    private static final char FIELD = '\u001f';
    private static final char ITEM = '\u001e';

    private ContentHash() {
    }

    static String of(ParsedArticle a) {
        StringBuilder sb = new StringBuilder();
        for (Object field : List.of(
                Objects.toString(a.headline()), Objects.toString(a.section()), Objects.toString(a.subheadline()),
                Objects.toString(a.byline()), Objects.toString(a.sourceAgency()), Objects.toString(a.editor()),
                Objects.toString(a.datelinePlace()), Objects.toString(a.publishedAt()), Objects.toString(a.publishedOffset()),
                Objects.toString(a.embargoUntil()), Objects.toString(a.language()), a.priority(), a.pubStatus(), a.type(),
                Objects.toString(a.bodyHtml()))) {
            sb.append(field).append(FIELD);
        }
        a.paragraphs().forEach(p -> sb.append(p).append(ITEM));
        sb.append(FIELD);
        a.media().forEach(m -> sb.append(m).append(ITEM));
        sb.append(FIELD);
        a.links().forEach(l -> sb.append(l).append(ITEM));
        sb.append(FIELD);
        a.subjects().forEach(s -> sb.append(s).append(ITEM));
        if (!a.subjectCodes().isEmpty() || a.slugline() != null) {
            // fields added later count only when present, so an item read before them keeps its hash
            sb.append(FIELD);
            a.subjectCodes().forEach(s -> sb.append(s).append(ITEM));
            sb.append(FIELD).append(Objects.toString(a.slugline()));
        }
        return ArticleIds.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
