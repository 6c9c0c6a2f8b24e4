package io.inkstream.renderer.syndication;

import io.inkstream.events.MediaItem;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A published article version as NITF 3.6: head (title, docdata with doc-id, du-key version,
 * management-status, dates, doc-scope of the section, copyright, keywords, identified people,
 * organisations and places; pubdata with the canonical page as ex-ref) and body (hedline, byline,
 * abstract, the body mapped onto NITF's blocks, photos as media). A correction (version 2 on) carries
 * a correction element; a kill has management-status canceled, an ed-msg of type kill and a
 * non-publishable editor's note, and no content.
 */
final class NitfDocument {

    static final String NS = "http://iptc.org/std/NITF/2006-10-18/";
    /** The fixed value of nitf/@version in NITF 3.6. */
    static final String VERSION = "-//IPTC//DTD NITF 3.6//EN";
    private static final DateTimeFormatter NORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private NitfDocument() {
    }

    static byte[] of(PublishedArticle p) {
        boolean killed = p.getPubStatus() == PubStatus.canceled;
        try (XmlOut out = new XmlOut()) {
            out.root(NS, "nitf").attr("version", VERSION).attr("baselang", p.getLanguage());
            head(out, p, killed);
            out.start(NS, "body");
            out.start(NS, "body.head");
            out.start(NS, "hedline").element(NS, "hl1", p.getHeadline());
            if (!killed) {
                out.element(NS, "hl2", p.getSubheadline());
            }
            out.end();
            if (killed) {
                out.start(NS, "note").attr("noteclass", "editorsnote").attr("type", "npa")
                        .start(NS, "body.content").element(NS, "p", NinjsDocument.KILL_NOTE).end().end();
            } else {
                out.element(NS, "byline", p.getByline());
                if (p.getSummary() != null && !p.getSummary().isBlank()) {
                    out.start(NS, "abstract").element(NS, "p", p.getSummary()).end();
                }
            }
            out.end();
            if (!killed) {
                out.start(NS, "body.content");
                BodyXml.nitf(out, NS, p.getBodyHtml());
                for (MediaItem m : SyndicationMedia.withUrls(p)) {
                    media(out, p, m);
                }
                out.end();
            }
            out.end();
            out.end();
            return out.finish();
        }
    }

    private static void head(XmlOut out, PublishedArticle p, boolean killed) {
        out.start(NS, "head");
        out.element(NS, "title", p.getHeadline());
        out.start(NS, "docdata").attr("management-status", killed ? "canceled" : "usable");
        if (p.getVersion() > 1 && !killed) {
            out.empty(NS, "correction", "id-string", p.getId(),
                    "info", "Version " + p.getVersion() + " replaces the earlier versions of this article.");
        }
        out.empty(NS, "doc-id", "regsrc", NewsMlG2Document.PROVIDER, "id-string", p.getId());
        out.empty(NS, "date.issue", "norm", norm(p.getVersionCreated()));
        if (p.getPublishedAt() != null && !killed) {
            out.empty(NS, "date.release", "norm", norm(p.getPublishedAt()));
        }
        if (p.getSection() != null) {
            out.empty(NS, "doc-scope", "scope", p.getSection());
        }
        if (killed) {
            out.empty(NS, "ed-msg", "msg-type", "kill", "info", NinjsDocument.KILL_NOTE);
        } else if (p.getEditor() != null) {
            out.empty(NS, "ed-msg", "msg-type", "advisory", "info", "Editor: " + p.getEditor());
        }
        out.empty(NS, "du-key", "key", p.getId(), "version", String.valueOf(p.getVersion()));
        if (!killed) {
            if (p.getSourceAgency() != null) {
                out.empty(NS, "doc.copyright", "holder", p.getSourceAgency());
            }
            if (!p.getKeywords().isEmpty()) {
                out.start(NS, "key-list");
                p.getKeywords().forEach(k -> out.empty(NS, "keyword", "key", k));
                out.end();
            }
            if (!p.getPeople().isEmpty() || !p.getOrganisations().isEmpty() || !p.getPlaces().isEmpty()) {
                out.start(NS, "identified-content");
                p.getPeople().forEach(n -> out.element(NS, "person", n));
                p.getOrganisations().forEach(n -> out.element(NS, "org", n));
                p.getPlaces().forEach(n -> out.element(NS, "location", n));
                out.end();
            }
        }
        out.end();
        if (!killed) {
            out.start(NS, "pubdata").attr("type", "web").attr("ex-ref", p.getUrl());
            if (p.getPublishedAt() != null) {
                out.attr("date.publication", norm(p.getPublishedAt()));
            }
            out.attr("position.section", p.getSection()).end();
        }
        out.end();
    }

    private static void media(XmlOut out, PublishedArticle p, MediaItem m) {
        out.start(NS, "media").attr("media-type", switch (m.getType()) {
            case picture, graphic -> "image";
            case video -> "video";
            case audio -> "audio";
            case text -> "text";
        });
        out.start(NS, "media-reference").attr("source", SyndicationMedia.absoluteUrl(p, m)).attr("alternate-text", m.getAlt()).end();
        if (m.getCaption() != null) {
            out.element(NS, "media-caption", m.getCaption());
        }
        if (m.getCredit() != null) {
            out.element(NS, "media-producer", m.getCredit());
        }
        out.end();
    }

    static String norm(Instant t) {
        return NORM.format(t);
    }
}
