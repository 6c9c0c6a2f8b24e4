package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Link;
import io.inkstream.events.MediaItem;
import io.inkstream.events.Provenance;
import io.inkstream.events.RejectionStage;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.ingest.format.ParsedArticle;
import io.inkstream.ingest.format.ParsedEntry;
import io.inkstream.ingest.format.RejectedItemException;
import io.inkstream.ingest.format.WireFormats;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one WireItem into draft Articles (stable id, content, section, provenance; version
 * assigned later per article) and WireRejections carrying the raw item and the reason, one per
 * refused entry. The same code serves the stream and the channels' synchronous answers: it is
 * a pure function of the item, so the answer a sender gets is what the stream will do.
 */
public final class WireItemParser {

    private static final Set<String> VALIDATION_CODES = Set.of("missing-headline", "missing-body");

    private final WireFormats formats;
    private final SectionMap sections;

    public WireItemParser(WireFormats formats, SectionMap sections) {
        this.formats = formats;
        this.sections = sections;
    }

    /** The parser as the settings configure it: page-text zone, section map and default section. */
    public static WireItemParser of(IngestConfig config) {
        return new WireItemParser(WireFormats.standard(config.siteZone()),
                SectionMap.withOverrides(config.sectionMap(), config.defaultSection()));
    }

    public WireFormats formats() {
        return formats;
    }

    /** With the built-in section map and its default section. */
    public WireItemParser(WireFormats formats) {
        this(formats, SectionMap.defaults(IngestConfig.DEFAULT_SECTION.defaultValue()));
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
        List<ParseOutcome.Entry> entries = new ArrayList<>();
        for (ParsedEntry e : parsed.entries()) {
            if (e.isRefused()) {
                RejectedItemException r = e.refusal();
                RejectionStage stage = VALIDATION_CODES.contains(r.code()) ? RejectionStage.VALIDATE : RejectionStage.PARSE;
                WireRejection rejection = rejection(item, stage, r.code(), r.reason(), now);
                rejection.setEntry(e.label()); // which of the file's items: the file itself is kept whole
                entries.add(new ParseOutcome.Entry(e.label(), null, rejection));
            } else {
                entries.add(new ParseOutcome.Entry(e.label(), draft(e.article(), item, parsed.format()), null));
            }
        }
        if (entries.isEmpty()) {
            return reject(item, RejectionStage.VALIDATE, "missing-body", "The " + parsed.format() + " item holds no story.", now);
        }
        return new ParseOutcome(parsed.format(), entries);
    }

    /** True when nothing placed the draft and it fell to the default section (the unmapped-sections metric). */
    public boolean inDefaultSection(Article draft) {
        return sections.isDefault(draft.getSection());
    }

    private Article draft(ParsedArticle a, WireItem item, String format) {
        List<MediaItem> media = new ArrayList<>();
        for (ParsedArticle.Media m : a.media()) {
            media.add(MediaItem.newBuilder().setType(m.type()).setUrl(m.url()).setCaption(m.caption())
                    .setCredit(m.credit()).setAlt(m.alt()).build());
        }
        List<Link> links = new ArrayList<>();
        for (ParsedArticle.Link l : a.links()) {
            links.add(Link.newBuilder().setHref(l.href()).setTitle(l.title()).setRel(l.rel()).build());
        }
        // ninjs' versioncreated/firstcreated are the source's own times; the receipt time is provenance
        Instant versionCreated = a.versionCreated() != null ? a.versionCreated()
                : a.firstCreated() != null ? a.firstCreated() : item.getReceivedAt();
        Instant firstCreated = a.firstCreated() != null ? a.firstCreated() : versionCreated;
        List<String> warnings = new ArrayList<>(a.warnings());
        if (firstCreated.isAfter(versionCreated)) {
            // some agencies send it so (AP, STT): their times are kept as sent, and the oddity noted
            warnings.add("The item says it was first created (" + firstCreated + ") after this version (" + versionCreated
                    + "); both are kept as sent.");
        }
        return Article.newBuilder()
                .setId(ArticleIds.of(a, item.getFeed()))
                .setVersion(0)
                .setVersionCreated(versionCreated)
                .setFirstCreated(firstCreated)
                .setPubStatus(a.pubStatus())
                .setType(a.type())
                .setSection(sections.place(a.section(), a.subjectCodes(), a.subjects()).section())
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
                .setSubjectCodes(new ArrayList<>(a.subjectCodes()))
                .setSlugline(a.slugline())
                .setProvenance(Provenance.newBuilder()
                        .setFeed(item.getFeed())
                        .setFormat(format)
                        .setRawItemId(item.getItemId())
                        .setContentHash(ContentHash.of(a))
                        .setSourceId(a.sourceId())
                        .setSourceUrl(a.sourceUrl() != null ? a.sourceUrl() : item.getSourceUrl())
                        .setReceivedAt(item.getReceivedAt())
                        .setWarnings(warnings)
                        .build())
                .build();
    }

    private static ParseOutcome reject(WireItem item, RejectionStage stage, String code, String reason, Instant now) {
        return ParseOutcome.rejected(rejection(item, stage, code, reason, now));
    }

    private static WireRejection rejection(WireItem item, RejectionStage stage, String code, String reason, Instant now) {
        return WireRejection.newBuilder()
                .setItemId(item.getItemId())
                .setStage(stage)
                .setCode(code)
                .setReason(reason)
                .setRejectedAt(now)
                .setItem(item)
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
