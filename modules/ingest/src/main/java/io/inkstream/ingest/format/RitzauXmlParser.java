package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;
import org.w3c.dom.Element;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Ritzau (Danish news agency) XML feed, one {@code RBNews} story per document: NewsID is
 * the agency's id, PublishDate its time (Copenhagen local time, without offset), content the
 * body as escaped HTML, strapline the slug, section and sectionShort the desk, Priority the
 * urgency, and {@code Annuleret} (cancelled) a kill. A flash is sent without a headline; its
 * first sentence is then the headline.
 */
public final class RitzauXmlParser extends FormatParser {

    public static final String FORMAT = "ritzau-xml";

    /** Ritzau writes PublishDate as local time in Denmark. */
    private static final ZoneId RITZAU_ZONE = ZoneId.of("Europe/Copenhagen");

    public RitzauXmlParser() {
        super(FORMAT);
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        return "RBNews".equals(SecureXml.rootName(payload));
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        XmlCharset.Read read = XmlCharset.parse(payload, contentType, "Ritzau XML", "RBNews");
        Element news = read.root();
        ParsedArticle.Builder a = read.article();
        a.sourceId(SecureXml.text(news, "NewsID"));
        String headline = SecureXml.text(news, "headline");
        a.subheadline(SecureXml.text(news, "subtitle"));
        a.byline(SecureXml.text(news, "byLine"));
        a.datelinePlace(SecureXml.text(news, "town"));
        a.slugline(SecureXml.text(news, "strapline"));
        String origin = SecureXml.text(news, "origin");
        if (origin != null && !origin.replace("/", "").isBlank()) {
            String name = origin.replace("/", "").strip();
            a.sourceAgency(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        }
        String section = SecureXml.text(news, "section");
        if (section != null) {
            a.subject(section); // a Danish desk name (Udland, Indland, Sport); the code below maps it
        }
        String sectionShort = SecureXml.text(news, "sectionShort");
        if (sectionShort != null) {
            a.subjectCode("ritzau-section:" + sectionShort.toLowerCase(Locale.ROOT));
        }
        for (Element code : SecureXml.children(SecureXml.child(news, "IPTCList"), "int")) {
            String value = SecureXml.text(code);
            if (value != null && value.matches("\\d{7,8}")) {
                a.subjectCode("subj:" + "0".repeat(8 - value.length()) + value); // IPTC subject codes sent as numbers
            }
        }
        AgencyStatus.priority(SecureXml.text(news, "Priority"), "Ritzau Priority", a);
        try {
            WireTime published = WireTime.parse(SecureXml.text(news, "PublishDate"), "Ritzau PublishDate", RITZAU_ZONE);
            if (published != null) {
                a.publishedAt(published.instant(), published.offset());
                a.firstCreated(published.instant()).versionCreated(published.instant());
            }
        } catch (RejectedItemException e) {
            a.warning(e.reason() + " Left out.");
        }
        if ("true".equalsIgnoreCase(SecureXml.text(news, "Annuleret"))) {
            a.pubStatus(PubStatus.canceled);
        }
        String content = SecureXml.text(news, "content");
        NitfBody body = content == null ? NitfBody.empty() : NitfBody.ofHtml(content, headline);
        body.into(a);
        if (headline == null) {
            if (body.isEmpty()) {
                if (a.pubStatus() != PubStatus.canceled) {
                    throw new RejectedItemException("missing-headline", "The Ritzau XML story has no headline and no content.");
                }
                headline = "Withdrawn: " + (a.sourceId() != null ? a.sourceId() : "Ritzau story");
            } else {
                headline = body.madeUpHeadline();
                a.warning("The Ritzau XML story has no headline (a flash); the body's first sentence is the headline.");
            }
        }
        a.headline(headline);
        return List.of(a.build());
    }
}
