package io.inkstream.renderer.syndication;

import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;

import java.time.Instant;
import java.util.List;

/**
 * A published article version as a NewsML-G2 2.35 newsItem (conformance power): guid and version,
 * itemMeta (ninat:text, provider, times, stat:usable or stat:canceled, sig:update on every version
 * after the first, the canonical page as an irel:seeAlso link), contentMeta (creator, source,
 * language, section and keyword subjects, keywords, headlines, by, the summary as drol:summary)
 * and the body as XHTML in inlineXML. A kill is a newsItem with stat:canceled, an edNote saying to
 * remove it and no content. Several articles make a newsMessage of their newsItems.
 */
final class NewsMlG2Document {

    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";
    static final String STANDARD_VERSION = "2.35";
    /** The IPTC catalog that defines the ninat, stat, sig, irel, drol and cpnat schemes used here. */
    static final String CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml";
    static final String PROVIDER = "inkstream";

    private NewsMlG2Document() {
    }

    static byte[] newsItem(PublishedArticle p) {
        try (XmlOut out = new XmlOut()) {
            newsItem(out, p, true);
            return out.finish();
        }
    }

    /** A newsMessage (header with the sending time, then an itemSet of one newsItem per article). */
    static byte[] newsMessage(List<PublishedArticle> articles, Instant sent) {
        try (XmlOut out = new XmlOut()) {
            out.root(NAR, "newsMessage");
            out.start(NAR, "header").element(NAR, "sent", sent.toString()).element(NAR, "sender", PROVIDER).end();
            out.start(NAR, "itemSet");
            for (PublishedArticle p : articles) {
                newsItem(out, p, false);
            }
            out.end().end();
            return out.finish();
        }
    }

    private static void newsItem(XmlOut out, PublishedArticle p, boolean root) {
        boolean killed = p.getPubStatus() == PubStatus.canceled;
        if (root) {
            out.root(NAR, "newsItem");
        } else {
            out.start(NAR, "newsItem");
        }
        out.attr("guid", p.getId()).attr("version", String.valueOf(p.getVersion()))
                .attr("standard", "NewsML-G2").attr("standardversion", STANDARD_VERSION)
                .attr("conformance", "power").lang(p.getLanguage());
        out.empty(NAR, "catalogRef", "href", CATALOG);
        if (p.getSourceAgency() != null && !killed) {
            out.start(NAR, "rightsInfo").start(NAR, "copyrightHolder").element(NAR, "name", p.getSourceAgency()).end().end();
        }

        out.start(NAR, "itemMeta");
        out.empty(NAR, "itemClass", "qcode", "ninat:" + p.getType().name());
        out.empty(NAR, "provider", "literal", PROVIDER);
        out.element(NAR, "versionCreated", p.getVersionCreated().toString());
        out.element(NAR, "firstCreated", p.getFirstCreated().toString());
        out.empty(NAR, "pubStatus", "qcode", killed ? "stat:canceled" : "stat:usable");
        if (killed) {
            out.element(NAR, "edNote", NinjsDocument.KILL_NOTE);
        } else if (p.getEditor() != null) {
            out.element(NAR, "edNote", "Editor: " + p.getEditor());
        }
        if (p.getVersion() > 1) {
            out.empty(NAR, "signal", "qcode", "sig:update");
        }
        if (!killed) {
            out.empty(NAR, "link", "rel", "irel:seeAlso", "href", p.getUrl(), "contenttype", "text/html");
        }
        out.end();

        out.start(NAR, "contentMeta");
        if (p.getPublishedAt() != null && !killed) {
            out.element(NAR, "contentCreated", p.getPublishedAt().toString());
        }
        if (!killed) {
            if (p.getSourceAgency() != null) {
                out.start(NAR, "infoSource").attr("role", "infosrc:source").element(NAR, "name", p.getSourceAgency()).end();
            }
            if (p.getByline() != null) {
                out.start(NAR, "creator").element(NAR, "name", p.getByline()).end();
            }
        }
        out.empty(NAR, "language", "tag", p.getLanguage());
        if (!killed) {
            for (String k : p.getKeywords()) {
                out.element(NAR, "keyword", k);
            }
            if (p.getSection() != null) {
                out.start(NAR, "subject").attr("type", "cpnat:abstract").attr("literal", NinjsDocument.sectionCode(p))
                        .element(NAR, "name", p.getSection()).end();
            }
            subjects(out, "cpnat:person", p.getPeople());
            subjects(out, "cpnat:organisation", p.getOrganisations());
            subjects(out, "cpnat:geoArea", p.getPlaces());
        }
        out.element(NAR, "headline", p.getHeadline());
        if (!killed) {
            if (p.getSubheadline() != null) {
                out.start(NAR, "headline").attr("role", "hlrole:sub").text(p.getSubheadline()).end();
            }
            out.element(NAR, "by", p.getByline());
            if (p.getSummary() != null && !p.getSummary().isBlank()) {
                out.start(NAR, "description").attr("role", "drol:summary").text(p.getSummary()).end();
            }
        }
        out.end();

        if (!killed) {
            out.start(NAR, "contentSet");
            out.start(NAR, "inlineXML").attr("contenttype", "application/xhtml+xml");
            out.root(BodyXml.XHTML, "html");
            out.start(BodyXml.XHTML, "head").element(BodyXml.XHTML, "title", p.getHeadline()).end();
            out.start(BodyXml.XHTML, "body");
            BodyXml.xhtml(out, p.getBodyHtml());
            out.end().end();
            out.end().end();
        }
        out.end();
    }

    private static void subjects(XmlOut out, String type, List<String> names) {
        for (String name : names) {
            out.start(NAR, "subject").attr("type", type).element(NAR, "name", name).end();
        }
    }
}
