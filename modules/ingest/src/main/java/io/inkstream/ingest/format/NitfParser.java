package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads IPTC NITF 3.x documents as AP, AAP, EFE, PA, NTB and others send them: {@code body.head}
 * gives headline (hl1), subheadline (hl2 or abstract), byline, distributor and dateline;
 * {@code docdata} the agency's id, urgency, issue and release times, status, keywords and slug;
 * {@code tobject.subject} refnums the IPTC subject codes; {@code body.content} the body (see
 * {@link NitfBody}). A document is withdrawn by {@code management-status="canceled"}, or by a kill
 * advisory in {@code ed-msg} or {@code doc-scope}; its doc-id is the one of the story it kills.
 */
public final class NitfParser extends FormatParser {

    public static final String FORMAT = "nitf";

    /** An editor's message or scope that withdraws the story: "KILL", "Mandatory kill: …", "Withdrawn". */
    private static final Pattern KILL = Pattern.compile("(?i)\\s*(mandatory\\s+)?(kill|killed|withdraw|withdrawn|elimination)\\b.*");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\d+\\s+");

    public NitfParser() {
        super(FORMAT);
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        return PayloadText.mediaTypeIs(contentType, "application/nitf+xml", "text/vnd.iptc.nitf")
                || "nitf".equals(SecureXml.rootName(payload));
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        XmlCharset.Read read = XmlCharset.parse(payload, contentType, "NITF", "nitf");
        ParsedArticle.Builder a = read.article();
        read(read.root(), a);
        return List.of(a.build());
    }

    private static void read(Element nitf, ParsedArticle.Builder a) throws RejectedItemException {
        Element head = SecureXml.child(nitf, "head");
        Element body = SecureXml.child(nitf, "body");
        Element bodyHead = SecureXml.child(body, "body.head");
        Element docdata = SecureXml.child(head, "docdata");
        a.language(first(SecureXml.attr(nitf, "baselang"), SecureXml.attr(nitf, "xml:lang")));

        Element hedline = SecureXml.child(bodyHead, "hedline");
        String title = SecureXml.text(head, "title");
        String headline = first(SecureXml.text(hedline, "hl1"), title);
        a.headline(headline);

        List<String> keywords = new ArrayList<>();
        String anpaKeyword = readHead(head, a);
        readDocdata(docdata, SecureXml.child(head, "pubdata"), a, keywords);
        String slug = slugline(anpaKeyword, title, headline, keywords, SecureXml.attr(SecureXml.child(docdata, "du-key"), "key"));
        a.slugline(slug);

        Element bodyContent = SecureXml.child(body, "body.content");
        NitfBody content = bodyContent == null ? NitfBody.empty() : NitfBody.ofBlocks(bodyContent, headline);
        readBodyHead(bodyHead, hedline, headline, slug, content, a);
        String place = dateline(SecureXml.child(bodyHead, "dateline"));
        a.datelinePlace(place != null ? place : SecureXml.attr(SecureXml.child(docdata, "evloc"), "city"));
        if (a.sourceAgency() == null) {
            a.sourceAgency(SecureXml.attr(SecureXml.child(docdata, "doc.copyright"), "holder"));
        }
        content.into(a);

        if (headline == null) {
            if (content.isEmpty() && a.pubStatus() != PubStatus.canceled) {
                throw new RejectedItemException("missing-headline",
                        "The NITF document has no headline (body.head/hedline/hl1 or head/title) and no body.content paragraphs.");
            }
            String madeUp = content.isEmpty() ? "Withdrawn: " + first(a.sourceId(), slug, "NITF document") : content.madeUpHeadline();
            a.headline(madeUp);
            if (!content.isEmpty()) {
                a.warning("The NITF document has no headline (body.head/hedline/hl1 or head/title); the body's first sentence is the headline.");
            }
        } else if (content.isEmpty() && a.pubStatus() != PubStatus.canceled) {
            a.warning("The NITF document has no body.content paragraphs; published as a headline only.");
        }
    }

    /** The head's meta and tobject; returns the ANPA keyword (the slug) when there is one. */
    private static String readHead(Element head, ParsedArticle.Builder a) {
        String slug = null;
        for (Element meta : SecureXml.children(head, "meta")) {
            String name = String.valueOf(SecureXml.attr(meta, "name")).toLowerCase(Locale.ROOT);
            String content = SecureXml.attr(meta, "content");
            if (content == null) {
                continue;
            }
            switch (name) {
                case "anpa-keyword" -> slug = content;
                case "anpa-category" -> {
                    if (content.matches("[A-Za-z]")) {
                        a.subjectCode("anpa:" + content.toLowerCase(Locale.ROOT));
                    }
                }
                default -> {
                    // agency house metadata (sequence numbers, word counts, selectors) is not the story's
                }
            }
        }
        for (Element tobject : SecureXml.children(head, "tobject")) {
            for (Element subject : SecureXml.children(tobject, "tobject.subject")) {
                String refnum = SecureXml.attr(subject, "tobject.subject.refnum");
                if (refnum == null || !refnum.matches("\\d{8}") || refnum.equals("00000000")) {
                    continue; // an agency's own scheme (EFE "F01001000"), not IPTC subject codes
                }
                a.subjectCode("subj:" + refnum);
                for (String field : List.of("tobject.subject.type", "tobject.subject.matter", "tobject.subject.detail")) {
                    String name = SecureXml.attr(subject, field);
                    if (name != null && !a.subjects().contains(name)) {
                        a.subject(name);
                    }
                }
            }
        }
        return slug;
    }

    private static void readDocdata(Element docdata, Element pubdata, ParsedArticle.Builder a, List<String> keywords) {
        if (docdata == null) {
            return;
        }
        AgencyStatus.pubStatus(SecureXml.attr(docdata, "management-status"), "NITF management-status", a);
        a.sourceId(SecureXml.attr(SecureXml.child(docdata, "doc-id"), "id-string"));
        AgencyStatus.priority(SecureXml.attr(SecureXml.child(docdata, "urgency"), "ed-urg"), "NITF urgency ed-urg", a);
        WireTime issued = time(SecureXml.child(docdata, "date.issue"), "norm", "NITF date.issue", a);
        if (issued == null) {
            issued = time(pubdata, "date.publication", "NITF pubdata date.publication", a);
        }
        WireTime released = time(SecureXml.child(docdata, "date.release"), "norm", "NITF date.release", a);
        if (issued != null) {
            a.firstCreated(issued.instant()).versionCreated(issued.instant());
        }
        WireTime published = released != null ? released : issued;
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        if (released != null && (issued == null || released.instant().isAfter(issued.instant()))) {
            a.embargoUntil(released.instant()); // date.release: when the receiver may publish
        }
        for (Element msg : SecureXml.children(docdata, "ed-msg")) {
            if (isKill(SecureXml.attr(msg, "info")) || isKill(SecureXml.attr(msg, "msg-type"))) {
                a.pubStatus(PubStatus.canceled);
            }
        }
        for (Element scope : SecureXml.children(docdata, "doc-scope")) {
            String value = SecureXml.attr(scope, "scope");
            if (isKill(value)) {
                a.pubStatus(PubStatus.canceled);
            } else if (value != null && !a.subjects().contains(value)) {
                a.subject(value); // PA's desk (SPORT, POLITICS), a region of interest elsewhere
            }
        }
        for (Element keyword : SecureXml.children(SecureXml.child(docdata, "key-list"), "keyword")) {
            String key = SecureXml.attr(keyword, "key");
            if (key != null) {
                keywords.add(key);
                if (!a.subjects().contains(key)) {
                    a.subject(key);
                }
            }
        }
    }

    private static void readBodyHead(Element bodyHead, Element hedline, String headline, String slug, NitfBody content,
                                     ParsedArticle.Builder a) {
        String subheadline = null;
        for (Element hl2 : SecureXml.children(hedline, "hl2")) {
            String text = SecureXml.text(hl2);
            // AP repeats the headline as hl2 "originalHeadline"; EFE sends its keyword as hl2
            if (text != null && !NitfBody.sameText(text, headline) && !NitfBody.sameText(text, slug)) {
                subheadline = text;
                break;
            }
        }
        String summary = SecureXml.text(bodyHead, "abstract");
        if (subheadline == null && summary != null && !NitfBody.sameText(summary, headline)
                && (content.isEmpty() || !NitfBody.sameText(summary, content.paragraphs().get(0)))) {
            subheadline = summary;
        }
        a.subheadline(subheadline);

        String byline = bylineText(SecureXml.child(bodyHead, "byline"));
        if (byline != null && NitfBody.SIGN_OFF.matcher(byline).matches()) {
            a.editor(byline); // EFE signs with the editors' initials ("gr/bp"): not an author
        } else {
            a.byline(byline);
        }
        a.sourceAgency(first(SecureXml.text(bodyHead, "distributor"),
                SecureXml.text(SecureXml.child(bodyHead, "rights"), "rights.owner")));
    }

    /** The ANPA keyword, else the PA-style title, else the first keyword, else the du-key. */
    private static String slugline(String anpaKeyword, String title, String headline, List<String> keywords, String duKey) {
        String keyword = keywords.isEmpty() ? null : keywords.get(0);
        if (anpaKeyword == null && title != null && keyword != null && !NitfBody.sameText(title, headline)
                && title.endsWith(keyword) && LEADING_NUMBER.matcher(title).find()) {
            // PA titles are "<take> <desk> <keyword>", e.g. "1 SPORT Trivia (Oct 14)": desk and keyword are the slug
            return LEADING_NUMBER.matcher(title).replaceFirst("");
        }
        return first(anpaKeyword, keyword, duKey);
    }

    /** The byline's words without the author's title (byttl: "AP Business Writer"). */
    private static String bylineText(Element byline) {
        if (byline == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (org.w3c.dom.Node n = byline.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e && "byttl".equals(e.getLocalName()))) {
                sb.append(' ').append(n.getTextContent());
            }
        }
        String text = NitfBody.normalize(sb.toString());
        return text.isEmpty() ? null : text;
    }

    private static String dateline(Element dateline) {
        if (dateline == null) {
            return null;
        }
        Element location = SecureXml.child(dateline, "location");
        String city = SecureXml.text(location, "city");
        if (city != null) {
            return city;
        }
        if (location != null) {
            return SecureXml.text(location);
        }
        StringBuilder sb = new StringBuilder(); // the dateline's own words, without its story.date
        for (org.w3c.dom.Node n = dateline.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        String text = NitfBody.normalize(sb.toString()).replaceAll("[\\s,–-]+$", "");
        return text.isEmpty() ? null : text;
    }

    private static WireTime time(Element element, String attribute, String what, ParsedArticle.Builder a) {
        try {
            return WireTime.parse(SecureXml.attr(element, attribute), what);
        } catch (RejectedItemException e) {
            a.warning(e.reason() + " Left out.");
            return null;
        }
    }

    private static boolean isKill(String value) {
        return value != null && KILL.matcher(value).matches();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
