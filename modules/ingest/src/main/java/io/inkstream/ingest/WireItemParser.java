package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Link;
import io.inkstream.events.MediaItem;
import io.inkstream.events.Provenance;
import io.inkstream.events.RejectionStage;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.ingest.format.ParsedArticle;
import io.inkstream.ingest.format.RejectedItemException;
import io.inkstream.ingest.format.WireFormats;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one WireItem into draft Articles (stable id, content, provenance; version assigned
 * later per article) or a WireRejection carrying the raw item and the reason. The same code
 * serves the stream and the HTTP channel's synchronous answer.
 */
public final class WireItemParser {

    private static final Set<String> VALIDATION_CODES = Set.of("missing-headline", "missing-body");

    private final WireFormats formats;

    public WireItemParser(WireFormats formats) {
        this.formats = formats;
    }

    public ParseOutcome parse(WireItem item, Instant now) {
        if (item.getTruncated()) {
            return reject(item, RejectionStage.RECEIVE, "too-large", "The item is " + item.getSize()
                    + " bytes, over the size limit; only its first bytes were kept.", now);
        }
        byte[] payload = bytes(item.getPayload());
        WireFormats.Parsed parsed;
        try {
            parsed = formats.parse(item.getFormat(), payload, item.getContentType(), item.getFilename());
        } catch (RejectedItemException e) {
            RejectionStage stage = VALIDATION_CODES.contains(e.code()) ? RejectionStage.VALIDATE : RejectionStage.PARSE;
            return reject(item, stage, e.code(), e.reason(), now);
        }
        List<Article> drafts = new ArrayList<>();
        for (ParsedArticle a : parsed.articles()) {
            drafts.add(draft(a, item, parsed.format()));
        }
        return ParseOutcome.parsed(drafts);
    }

    private static Article draft(ParsedArticle a, WireItem item, String format) {
        List<MediaItem> media = new ArrayList<>();
        for (ParsedArticle.Media m : a.media()) {
            media.add(MediaItem.newBuilder().setType(m.type()).setUrl(m.url()).setCaption(m.caption())
                    .setCredit(m.credit()).setAlt(m.alt()).build());
        }
        List<Link> links = new ArrayList<>();
        for (ParsedArticle.Link l : a.links()) {
            links.add(Link.newBuilder().setHref(l.href()).setTitle(l.title()).setRel(l.rel()).build());
        }
        return Article.newBuilder()
                .setId(ArticleIds.of(a, item.getFeed()))
                .setVersion(0)
                .setVersionCreated(item.getReceivedAt())
                .setFirstCreated(item.getReceivedAt())
                .setPubStatus(a.pubStatus())
                .setType(a.type())
                .setSection(a.section())
                .setHeadline(a.headline())
                .setSubheadline(a.subheadline())
                .setByline(a.byline())
                .setSourceAgency(a.sourceAgency())
                .setEditor(a.editor())
                .setDatelinePlace(a.datelinePlace())
                .setPublishedAt(a.publishedAt())
                .setPublishedOffset(a.publishedOffset())
                .setEmbargoUntil(a.embargoUntil())
                .setLanguage(a.language())
                .setPriority(a.priority())
                .setParagraphs(new ArrayList<>(a.paragraphs()))
                .setBodyHtml(a.bodyHtml())
                .setMedia(media)
                .setLinks(links)
                .setSubjects(new ArrayList<>(a.subjects()))
                .setProvenance(Provenance.newBuilder()
                        .setFeed(item.getFeed())
                        .setFormat(format)
                        .setRawItemId(item.getItemId())
                        .setContentHash(ContentHash.of(a))
                        .setSourceId(a.sourceId())
                        .setSourceUrl(a.sourceUrl() != null ? a.sourceUrl() : item.getSourceUrl())
                        .build())
                .build();
    }

    private static ParseOutcome reject(WireItem item, RejectionStage stage, String code, String reason, Instant now) {
        return ParseOutcome.rejected(WireRejection.newBuilder()
                .setItemId(item.getItemId())
                .setStage(stage)
                .setCode(code)
                .setReason(reason)
                .setRejectedAt(now)
                .setItem(item)
                .build());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
