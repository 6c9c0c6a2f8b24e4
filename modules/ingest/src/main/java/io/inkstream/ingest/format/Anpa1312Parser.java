package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ANPA 1312 message as AP and AAP send it:
 * <pre>
 * SYN SYN SOH W2870 US asian               service, sequence number, selector codes
 * f l DC3 DC1 BC-LT--Argentina-CancerB 1stLd-Writethru 11-13 1049
 *                                          priority, category, format (DC2: tabular), keyword, version, date, words
 * STX ^BC-LT--Argentina-Cancer Beauty,466&lt;  the slug line, then "^" header lines ending "&lt;" or "=":
 * ^Headline&lt;  ^AP Photo …&lt;  ^Eds: …&lt;  ^By NAME=  ^Associated Press=
 * TAB   BUENOS AIRES, Argentina (AP) _ …   one tab-indented line per paragraph
 * ETX AP-WF-11-13-13 1509GMT               agency, wire, month-day-year, time (UTC)
 * </pre>
 * Photo references, editor's notes and the byline's title line are not body text. A message with
 * no paragraphs (a headlines list) has its header lines as body; one with no headline (a news
 * alert) takes it from its first paragraph. A version field or slug saying Kill or Elimination is
 * a kill: the source id is the keyword and date, shared by a story's writethrus and its kill.
 */
public final class Anpa1312Parser extends FormatParser {

    public static final String FORMAT = "anpa1312";

    private static final Pattern LINE1 = Pattern.compile("^\\u0016*\\u0001([A-Za-z])(\\d{4})\\u001f(\\S*).*");
    /** priority, category, format codes, keyword, version (take key), month-day, word count. */
    private static final Pattern LINE2 = Pattern.compile(
            "^([a-z]) ([a-z])([\\u0013\\u0014])([\\u0011\\u0012]) (\\S+)(.*?)\\s+(\\d{1,2})-(\\d{1,2})(?:\\s+(\\d{1,5}))?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CYCLE = Pattern.compile("^(?:BC|AM|PM|AP)-", Pattern.CASE_INSENSITIVE);
    /** "BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140": slug, version, word count. */
    private static final Pattern SLUG_LINE = Pattern.compile("^(?:BC|AM|PM|AP)-([^,]+?)(?:,\\s*(.*?))?,\\s*(\\d{1,5})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILER = Pattern.compile("([A-Z]{2,6})-[A-Z]{1,4}-(\\d{1,2})-(\\d{1,2})-(\\d{2})\\s+(\\d{2})(\\d{2})\\s*GMT");
    private static final Pattern DATELINE = Pattern.compile("^([A-Z][A-Z .'-]{1,40}?)(?:, [\\p{L} .]{2,40}?)? \\(([A-Za-z]{2,8})\\) _ ");
    private static final Pattern KILL = Pattern.compile("(?i)\\b(kill|elimination|withdrawn|withdrawal)\\b");
    private static final Pattern NOT_COPY = Pattern.compile("^(AP (Photos?|Video|Graphics?|Audio)\\b|With AP Photos|Eds:|EDITOR'S NOTE)", Pattern.CASE_INSENSITIVE);
    private static final int ALERT_HEADLINE_CHARS = 200;

    /** AP's sports slug prefixes and the IPTC subject codes they stand for. */
    private static final Map<String, String> SPORTS_SLUGS = Map.ofEntries(
            Map.entry("BKC", "15008000"), Map.entry("BKL", "15008000"), Map.entry("BKN", "15008000"),
            Map.entry("BKW", "15008000"), Map.entry("BKO", "15008000"),
            Map.entry("BBA", "15007000"), Map.entry("BBC", "15007000"), Map.entry("BBM", "15007000"),
            Map.entry("BBN", "15007000"), Map.entry("BBO", "15007000"), Map.entry("BBY", "15007000"),
            Map.entry("BOX", "15014000"), Map.entry("CAR", "15039000"), Map.entry("CYC", "15019000"),
            Map.entry("FBL", "15003000"), Map.entry("FBN", "15003000"), Map.entry("FBO", "15003000"),
            Map.entry("FIG", "15025000"), Map.entry("GLF", "15027000"), Map.entry("HKN", "15031000"),
            Map.entry("HKO", "15031000"), Map.entry("RAC", "15030000"), Map.entry("SOC", "15054000"),
            Map.entry("TEN", "15065000"), Map.entry("CRI", "15017000"), Map.entry("RGL", "15048000"));

    public Anpa1312Parser() {
        super(FORMAT);
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        return LINE1.matcher(FramedText.firstLine(payload)).matches();
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        ParsedArticle.Builder a = ParsedArticle.builder();
        String text = FramedText.decode(payload, contentType, a);
        int stx = text.indexOf(FramedText.STX);
        if (text.indexOf(FramedText.SOH) < 0 || stx < 0) {
            throw new RejectedItemException("unparseable", "ANPA 1312: no SOH header followed by STX (start of text) found.");
        }
        String[] head = text.substring(0, stx).split("\\r?\\n");
        Matcher m2 = head.length > 1 ? LINE2.matcher(head[1].replace("\r", "")) : null;
        if (m2 == null || !m2.matches()) {
            throw new RejectedItemException("unparseable", "ANPA 1312: the second header line is not 'priority category keyword version month-day words'.");
        }
        a.priority(priority(m2.group(1)));
        a.subjectCode("anpa:" + m2.group(2).toLowerCase(Locale.ROOT));
        boolean tabular = m2.group(4).equals("\u0012");
        String keyword = CYCLE.matcher(m2.group(5)).replaceFirst("");
        String version = m2.group(6).strip();
        int month = Integer.parseInt(m2.group(7));
        int day = Integer.parseInt(m2.group(8));

        int etx = text.indexOf(FramedText.ETX, stx);
        Matcher t = TRAILER.matcher(etx < 0 ? "" : text.substring(etx + 1, Math.min(text.length(), etx + 60)));
        LocalDateTime sent = null;
        if (t.find()) {
            try {
                sent = LocalDateTime.of(2000 + Integer.parseInt(t.group(4)), Integer.parseInt(t.group(2)), Integer.parseInt(t.group(3)),
                        Integer.parseInt(t.group(5)), Integer.parseInt(t.group(6)));
                a.publishedAt(sent.toInstant(ZoneOffset.UTC), "Z");
                a.versionCreated(sent.toInstant(ZoneOffset.UTC));
                if (version.isEmpty()) {
                    a.firstCreated(sent.toInstant(ZoneOffset.UTC)); // no writethru: this is the first version
                }
                a.sourceAgency(t.group(1));
            } catch (java.time.DateTimeException e) {
                a.warning("ANPA 1312: the ETX trailer holds no valid date.");
            }
        }

        List<String> header = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String raw : text.substring(stx + 1, etx < 0 ? text.length() : etx).split("\\r?\\n")) {
            String line = FramedText.clean(raw.replace("\u0002", ""));
            if (line.startsWith("^")) {
                // "^*9006< ^AP-Top-…,0176<" holds two header segments on one line
                for (String seg : line.substring(1).split("<\\s*\\^")) {
                    String s = seg.replaceAll("[<=\\s]+$", "").strip();
                    if (!s.isEmpty() && !s.matches("\\*\\d+")) {
                        header.add(s + (seg.strip().endsWith("=") ? "=" : ""));
                    }
                }
            } else if (line.startsWith("\t") || (!line.isBlank() && !body.isEmpty())) {
                if (tabular || line.startsWith("\t") || body.isEmpty()) {
                    body.add(line.strip());
                } else {
                    body.set(body.size() - 1, body.get(body.size() - 1) + " " + line.strip());
                }
            }
        }
        String slugLine = null;
        if (!header.isEmpty() && SLUG_LINE.matcher(header.get(0)).matches()) {
            slugLine = header.remove(0);
        }
        List<String> copy = new ArrayList<>();
        for (String h : header) {
            if (h.endsWith("=")) {
                String by = h.substring(0, h.length() - 1).strip();
                if (a.byline() == null && by.startsWith("By ")) {
                    a.byline(by.substring(3).strip());
                }
            } else if (!NOT_COPY.matcher(h).find()) {
                copy.add(h);
            }
        }
        a.slugline(slugline(slugLine, keyword));
        String sportCode = a.slugline() == null || a.slugline().length() < 4 ? null : SPORTS_SLUGS.get(a.slugline().substring(0, 3).toUpperCase(Locale.ROOT));
        if (sportCode != null && a.slugline().charAt(3) == '-') {
            a.subjectCode("subj:" + sportCode);
        }

        List<String> paragraphs = new ArrayList<>();
        for (String b : body) {
            if (!b.isEmpty() && !b.matches("_+")) {
                paragraphs.add(tabular ? b : b.replaceAll("\\s+", " "));
            }
        }
        if (!copy.isEmpty()) {
            a.headline(copy.get(0));
            if (paragraphs.isEmpty()) {
                paragraphs.addAll(copy.subList(1, copy.size())); // a headlines list: the header lines are the copy
            } else if (copy.size() > 1) {
                a.subheadline(String.join(" ", copy.subList(1, copy.size())));
            }
        }
        Matcher d = paragraphs.isEmpty() ? null : DATELINE.matcher(paragraphs.get(0));
        if (d != null && d.find()) {
            a.datelinePlace(d.group(1).strip());
            if (a.sourceAgency() == null) {
                a.sourceAgency(d.group(2));
            }
        }
        if (a.headline() == null && !paragraphs.isEmpty()) {
            // a news alert: its one paragraph, without the dateline, is the headline
            String alert = d != null && d.find(0) ? paragraphs.get(0).substring(d.end()) : paragraphs.get(0);
            int cut = alert.lastIndexOf(' ', ALERT_HEADLINE_CHARS);
            a.headline(alert.length() <= ALERT_HEADLINE_CHARS ? alert : alert.substring(0, cut > 0 ? cut : ALERT_HEADLINE_CHARS) + "…");
        }
        String marks = version + " " + (slugLine == null ? "" : slugLine) + " " + (a.headline() == null ? "" : a.headline().split(":", 2)[0]);
        if (KILL.matcher(marks).find()) {
            a.pubStatus(PubStatus.canceled);
        }
        if (a.headline() == null) {
            throw new RejectedItemException("missing-headline", "ANPA 1312: the message " + keyword + " has no headline line and no body text.");
        }
        if (paragraphs.isEmpty() && a.pubStatus() != PubStatus.canceled) {
            throw new RejectedItemException("missing-body", "ANPA 1312: the message " + keyword + " has no body text between STX and ETX.");
        }
        a.paragraphs(paragraphs);
        if (tabular) {
            StringBuilder pre = new StringBuilder("<pre>");
            paragraphs.forEach(p -> pre.append(org.jsoup.nodes.Entities.escape(p)).append('\n'));
            a.bodyHtml(BodyHtml.sanitize(pre.append("</pre>").toString()));
        }
        int year = sent != null ? sent.getYear() - (sent.getMonthValue() < month ? 1 : 0) : 0;
        a.sourceId("anpa:" + keyword + ":" + (year > 0 ? year + "-" : "") + String.format("%02d-%02d", month, day));
        return List.of(a.build());
    }

    /**
     * The slug as the slug line prints it, without the cycle (BC-), a two-letter desk code (US--)
     * and what follows a space, as AP's own readers take it; else the header's keyword.
     */
    private static String slugline(String slugLine, String keyword) {
        Matcher m = slugLine == null ? null : SLUG_LINE.matcher(slugLine);
        String slug = m != null && m.matches() ? m.group(1).strip() : keyword;
        slug = slug.replaceFirst("^[A-Z]{2}--", "");
        int space = slug.indexOf(' ');
        slug = space > 0 ? slug.substring(0, space) : slug;
        return slug.isEmpty() ? null : slug;
    }

    /** f flash, u urgent, b bulletin above the normal 5; d deferred and a advance below it. */
    private static int priority(String code) {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "f" -> 1;
            case "u" -> 2;
            case "b" -> 3;
            case "d", "a" -> 7;
            default -> 5;
        };
    }
}
