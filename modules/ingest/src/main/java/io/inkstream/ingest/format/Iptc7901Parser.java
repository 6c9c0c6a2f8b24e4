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
 * Reads an IPTC 7901 text message as DPA and other agencies send it:
 * <pre>
 * SOH eca062 4 i 211 ccccb dpa 061      service+number, priority, category, word count, source
 * Germany-politics/                     keyword (slugline), one or more lines
 * STX 1ST LEAD                          take lines (upper case or in parentheses)
 * Headline =                            the line ending " =" is the headline (or "By …, dpa =" the byline)
 *    Berlin (dpa) - Copy …              paragraphs: indented or after a blank line
 * # Notebook / not for publication      notes for editors, not body text (their links are kept)
 * ETX 131137 GMT Nov 13                 day, time (UTC), month, two-digit year
 * </pre>
 * A take line saying KILL, WITHDRAWN or ELIMINATION makes the message a kill of the story with
 * the same keyword that day: the source id is built from source, date and keyword, so a lead,
 * refile or kill of a story lands on the story's own article.
 */
public final class Iptc7901Parser extends FormatParser {

    public static final String FORMAT = "iptc7901";

    /** SOH, service id and message number, priority, category, word count, optional info. */
    private static final Pattern HEADER = Pattern.compile("^\\u0001?([A-Za-z]{0,6})(\\d{0,6}) (\\S) (\\S{1,3}) (\\d{1,6})(.*)$");
    private static final Pattern SOURCE_TOKEN = Pattern.compile("\\b([A-Za-z]{2,10})\\s+\\d+\\s*$");
    private static final Pattern TRAILER = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})\\s+GMT\\s+(\\p{L}{3,4})\\.?\\s+(\\d{2})\\b");
    private static final Pattern DATELINE = Pattern.compile("^([A-Z][\\p{L}.' -]{1,30}?) \\(([^()]{2,20})\\) [-–_] ");
    private static final Pattern TAKE_KILL = Pattern.compile("(?i)\\b(kill|killed|withdrawn|withdrawal|elimination|l(ö|oe)schung)\\b");
    private static final Pattern NOT_FOR_PUBLICATION = Pattern.compile("(?i)the following information is not (intended )?for publication");
    private static final Pattern NOTEBOOK = Pattern.compile("(?i)^#\\s+(dpa\\s+)?notebook\\b.*");
    private static final Pattern SIGN_OFF = Pattern.compile("^[a-z]{2,5}( [a-z]{2,4}){1,6}$");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]{1,200})\\]\\((https?://[^)\\s]{1,500})\\)");
    /** How far after STX the headline's " =" line may be. */
    private static final int HEADER_LINES = 8;

    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("mrz", 3),
            Map.entry("apr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12));

    public Iptc7901Parser() {
        super(FORMAT);
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        String first = FramedText.firstLine(payload);
        return first.startsWith("\u0001") && HEADER.matcher(first).matches() && FramedText.head(payload, 512).indexOf(FramedText.STX) > 0;
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        ParsedArticle.Builder a = ParsedArticle.builder();
        String text = FramedText.decode(payload, contentType, a);
        int soh = text.indexOf(FramedText.SOH);
        int stx = text.indexOf(FramedText.STX);
        if (soh < 0 || stx < soh) {
            throw new RejectedItemException("unparseable", "IPTC 7901: no SOH header line followed by STX (start of text) found.");
        }
        int etx = text.indexOf(FramedText.ETX, stx);
        List<String> header = lines(text.substring(soh, stx));
        Matcher h = HEADER.matcher(header.get(0));
        if (!h.matches()) {
            throw new RejectedItemException("unparseable", "IPTC 7901: the SOH line '" + abbreviate(header.get(0))
                    + "' is not 'service+number priority category wordcount'.");
        }
        String priority = h.group(3);
        if (priority.matches("[1-9]")) {
            a.priority(Integer.parseInt(priority));
        }
        a.subjectCode("iptc7901:" + h.group(4).toLowerCase(Locale.ROOT));
        Matcher source = SOURCE_TOKEN.matcher(h.group(6));
        String agency = source.find() ? source.group(1) : null;
        a.sourceAgency(agency);

        StringBuilder keyword = new StringBuilder();
        for (String line : header.subList(1, header.size())) {
            String k = FramedText.clean(line).strip();
            if (!k.isEmpty()) {
                keyword.append(k);
            }
        }
        String slug = keyword.toString().replaceAll("/+$", "").strip();
        a.slugline(slug.isEmpty() ? null : slug);

        String trailer = etx < 0 ? "" : text.substring(etx + 1, Math.min(text.length(), etx + 80));
        LocalDateTime sent = sentAt(trailer);
        if (sent != null) {
            a.publishedAt(sent.toInstant(ZoneOffset.UTC), "Z");
            a.versionCreated(sent.toInstant(ZoneOffset.UTC));
        } else if (etx >= 0) {
            a.warning("IPTC 7901: the ETX trailer '" + abbreviate(FramedText.clean(trailer).strip()) + "' holds no 'DDHHMM GMT Mon YY' time.");
        }

        List<String> body = lines(text.substring(stx + 1, etx < 0 ? text.length() : etx));
        int next = readHeadline(body, a);
        readBody(body.subList(next, body.size()), a);

        boolean kill = a.pubStatus() == PubStatus.canceled;
        if (a.headline() == null || a.headline().isBlank()) {
            if (a.paragraphs().isEmpty()) {
                throw new RejectedItemException("missing-headline", "IPTC 7901: no headline line after STX and no body text.");
            }
            a.headline(a.slugline() != null ? a.slugline() : a.paragraphs().get(0));
            a.warning("IPTC 7901: no headline line after STX; the keyword stands in.");
        }
        if (a.paragraphs().isEmpty() && !kill) {
            throw new RejectedItemException("missing-body", "IPTC 7901: the message '" + abbreviate(a.headline()) + "' has no body text between STX and ETX.");
        }
        if (slug.isEmpty()) {
            a.sourceId(null);
        } else {
            String service = agency != null ? agency.toLowerCase(Locale.ROOT) : h.group(1).toLowerCase(Locale.ROOT);
            a.sourceId("iptc7901:" + service + ":" + (sent == null ? "" : sent.toLocalDate() + ":") + slug.toLowerCase(Locale.ROOT));
        }
        return List.of(a.build());
    }

    /** Reads take lines, headline and byline; returns the index of the first body line. */
    private static int readHeadline(List<String> lines, ParsedArticle.Builder a) {
        int end = -1;
        for (int i = 0, seen = 0; i < lines.size() && seen < HEADER_LINES; i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            seen++;
            if (l.endsWith("=")) {
                end = i;
                if (!l.startsWith("By ")) {
                    break; // the headline; a "By" line may still follow it
                }
            }
        }
        if (end >= 0 && end + 1 < lines.size() && lines.get(end + 1).strip().startsWith("By ") && lines.get(end + 1).strip().endsWith("=")) {
            end++;
        }
        List<String> takes = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        int first = 0;
        if (end < 0) {
            // plain 7901 without the " =" convention: the first line is the headline
            while (first < lines.size() && lines.get(first).isBlank()) {
                first++;
            }
            if (first < lines.size()) {
                heads.add(lines.get(first).strip());
            }
            end = first;
        } else {
            for (String line : lines.subList(0, end + 1)) {
                String l = line.strip().replaceAll("\\s*=$", "").strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.startsWith("By ")) {
                    String by = l.substring(3).strip();
                    if (a.sourceAgency() != null) {
                        by = by.replaceAll("(?i),\\s*" + Pattern.quote(a.sourceAgency()) + "$", "");
                    }
                    a.byline(by);
                } else if (heads.isEmpty() && (isUpper(l) || (l.startsWith("(") && l.endsWith(")"))) && !line.strip().endsWith("=")) {
                    takes.add(l);
                } else {
                    heads.add(l);
                }
            }
        }
        if (!heads.isEmpty()) {
            a.headline(heads.get(0));
        }
        if (heads.size() > 1) {
            a.subheadline(String.join(" ", heads.subList(1, heads.size())));
        }
        // the take key (1ST LEAD, REFILE, EXTRA) has no field in the Article; it only tells a kill
        String marks = String.join(" ", takes) + " " + (heads.isEmpty() ? "" : heads.get(0));
        if (TAKE_KILL.matcher(marks).find()) {
            a.pubStatus(PubStatus.canceled);
        }
        return end + 1;
    }

    private static void readBody(List<String> lines, ParsedArticle.Builder a) {
        int stop = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (NOTEBOOK.matcher(l).matches() || NOT_FOR_PUBLICATION.matcher(l).find()) {
                stop = i;
                break;
            }
        }
        List<String> paragraphs = paragraphs(lines.subList(0, stop));
        if (!paragraphs.isEmpty() && SIGN_OFF.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
            paragraphs.remove(paragraphs.size() - 1); // "dpa wsz jln": the editors' initials
        }
        if (!paragraphs.isEmpty()) {
            Matcher d = DATELINE.matcher(paragraphs.get(0));
            if (d.find()) {
                a.datelinePlace(d.group(1).strip());
                if (a.sourceAgency() == null) {
                    a.sourceAgency(d.group(2).strip());
                }
            }
        }
        a.paragraphs(paragraphs);
        // the notes are for editors, but the links they list are the story's
        for (String l : lines.subList(stop, lines.size())) {
            Matcher m = MARKDOWN_LINK.matcher(l);
            while (m.find()) {
                a.link(new ParsedArticle.Link(m.group(2), m.group(1), "related"));
            }
        }
    }

    /** Paragraphs end at a blank line; an indented line starts a new one; wrapped lines are joined. */
    static List<String> paragraphs(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        for (String raw : lines) {
            boolean indented = raw.startsWith("\t") || raw.startsWith("  ");
            String l = raw.strip();
            if (l.isEmpty() || (indented && p.length() > 0)) {
                flush(out, p);
            }
            if (!l.isEmpty()) {
                if (p.length() > 0) {
                    p.append(' ');
                }
                p.append(l);
            }
        }
        flush(out, p);
        return out;
    }

    private static void flush(List<String> out, StringBuilder p) {
        String t = p.toString().replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
        p.setLength(0);
    }

    /** "131137 GMT Nov 13": day 13, 11:37 UTC, November 2013. */
    static LocalDateTime sentAt(String trailer) {
        Matcher m = TRAILER.matcher(trailer);
        if (!m.find()) {
            return null;
        }
        Integer month = MONTHS.get(m.group(4).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        try {
            return LocalDateTime.of(2000 + Integer.parseInt(m.group(5)), month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\r?\\n|\\r", -1)) {
            out.add(FramedText.clean(line));
        }
        return out;
    }

    private static boolean isUpper(String l) {
        return l.chars().anyMatch(Character::isLetter) && l.equals(l.toUpperCase(Locale.ROOT));
    }

    static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
