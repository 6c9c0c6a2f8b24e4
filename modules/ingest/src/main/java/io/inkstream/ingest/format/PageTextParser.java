package io.inkstream.ingest.format;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a rendered news article page (as copied from a browser, like the ECNS
 * fixture): the section and headline above the "date time Source Editor: Name" line, the
 * photo captions and body paragraphs below it, and nothing of the page chrome around them.
 *
 * <p>Times carry no offset on such pages; they are read in the site's zone (Asia/Shanghai
 * for ECNS) and that zone is kept as the published offset.
 */
public final class PageTextParser extends FormatParser {

    public static final String FORMAT = "page-text";

    /** "2015-09-25 08:34China Daily Editor: Wang Fan" (source and editor optional). */
    private static final Pattern META = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(.*?)\\s*(?:Editor\\s*[:：]\\s*(.*))?$");

    /** A lone count (comments, photos) printed under the headline. */
    private static final Pattern COUNT_LINE = Pattern.compile("^\\d+(?:\\s+(?:comments?|photos?|views?))?$", Pattern.CASE_INSENSITIVE);

    private static final Set<String> CHROME = Set.of(
            "line", "text:aaaprint", "text: aaa print", "text:aaa", "print", "share", "a a a", "font size");

    /** Where the article ends and the page's widgets, menu and footer begin. */
    private static final Set<String> END_TITLES = Set.of(
            "related news", "related stories", "morephoto", "most popular in 24h", "moretop news",
            "morevideo", "top news");
    private static final List<String> END_PREFIXES = List.of("back to top", "copyright ©", "copyright©", "reproduction in whole");

    private static final Pattern CREDIT_PHOTO_BY = Pattern.compile(
            "^(.*?)\\s*[(\\[]\\s*Photos?\\s*(?:by\\b|:|/)\\s*([^()\\[\\]]+?)\\s*[)\\]]\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT_PROVIDED = Pattern.compile(
            "^(.*?)\\s*[(\\[]\\s*(?:Photo\\s+)?(provided\\s+(?:by|to)\\s+[^()\\[\\]]+?)\\s*[)\\]]\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT_AGENCY_SLASH = Pattern.compile(
            "^(.*?)\\s*\\(\\s*([A-Z][\\w .&'-]{1,40}/[^()]{1,80}?)\\s*\\)\\s*$");

    /** "BEIJING, Sept 24 (Xinhua) --" opening the first paragraph. */
    private static final Pattern DATELINE = Pattern.compile(
            "^([A-Z][A-Z.'-]+(?:\\s+[A-Z][A-Z.'-]+)*)\\s*,?\\s*"
                    + "((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}\\s*)?"
                    + "(?:\\(([^)]{1,40})\\)\\s*)?"
                    + "(--|—|–|-)\\s*");

    /** Inline navigation markers such as "[Special coverage]" that are links on the page, not copy. */
    private static final Pattern INLINE_MARKER = Pattern.compile(
            "\\s*\\[(?:special coverage|special report|related|video|photos?|gallery|full text|infographics?|graphics|live|timeline)\\]",
            Pattern.CASE_INSENSITIVE);

    /** The ECNS section menu; a short first line above the headline that is one of these is the section. */
    private static final Set<String> KNOWN_SECTIONS = Set.of(
            "news", "politics", "business", "society", "culture", "military", "sci-tech", "entertainment",
            "sports", "odd", "features", "biz", "economy", "travel", "photo", "video", "voices", "world", "china");

    private final ZoneId siteZone;

    public PageTextParser() {
        this(ZoneId.of("Asia/Shanghai"));
    }

    /** @param siteZone the zone the site prints its times in */
    public PageTextParser(ZoneId siteZone) {
        super(FORMAT);
        this.siteZone = siteZone;
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        String head = PayloadText.head(payload, 8192);
        if (head.startsWith("<") || head.startsWith("{") || head.startsWith("[")) {
            return false;
        }
        for (String line : head.split("\\R")) {
            if (META.matcher(clean(line)).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        List<String> lines = new ArrayList<>();
        for (String line : PayloadText.decode(payload, contentType).split("\\R", -1)) {
            lines.add(clean(line));
        }
        int metaAt = -1;
        Matcher meta = null;
        for (int i = 0; i < lines.size() && metaAt < 0; i++) {
            Matcher m = META.matcher(lines.get(i));
            if (m.matches()) {
                metaAt = i;
                meta = m;
            }
        }
        if (metaAt < 0) {
            throw new RejectedItemException("unparseable",
                    "No date line like '2015-09-25 08:34 China Daily Editor: Wang Fan' found; cannot tell the headline from the body.");
        }
        ParsedArticle.Builder article = ParsedArticle.builder();
        readHeader(lines.subList(0, metaAt), article);
        readMeta(meta, article);
        readBody(lines.subList(metaAt + 1, lines.size()), article);
        if (article.paragraphs().isEmpty()) {
            throw new RejectedItemException("missing-body", "The page has no body paragraphs below the date line.");
        }
        return List.of(article.build());
    }

    private static void readHeader(List<String> lines, ParsedArticle.Builder article) throws RejectedItemException {
        List<String> candidates = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty() && !isChrome(line) && !COUNT_LINE.matcher(line).matches()) {
                candidates.add(line);
            }
        }
        if (candidates.isEmpty()) {
            throw new RejectedItemException("missing-headline", "The page has no headline above its date line.");
        }
        int next = 0;
        if (candidates.size() >= 2 && looksLikeSection(candidates.get(0))) {
            article.section(candidates.get(next++));
        }
        article.headline(candidates.get(next++));
        if (next < candidates.size()) {
            article.subheadline(String.join(" ", candidates.subList(next, candidates.size())));
        }
    }

    private void readMeta(Matcher meta, ParsedArticle.Builder article) throws RejectedItemException {
        try {
            LocalDateTime local = LocalDateTime.of(LocalDate.parse(meta.group(1)), LocalTime.parse(pad(meta.group(2))));
            article.publishedAt(local.atZone(siteZone).toInstant(), siteZone.getId());
        } catch (DateTimeParseException e) {
            throw new RejectedItemException("unparseable", "The date line '" + meta.group(0) + "' holds no valid date and time.");
        }
        String source = meta.group(3).replaceFirst("(?i)^[|/\\s]*(source\\s*[:：])?\\s*", "").replaceFirst("[|/\\s]+$", "");
        article.sourceAgency(source.isEmpty() ? null : source);
        String editor = meta.group(4) == null ? "" : meta.group(4).trim();
        article.editor(editor.isEmpty() ? null : editor);
    }

    private static void readBody(List<String> lines, ParsedArticle.Builder article) {
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            if (isEndMarker(line)) {
                break;
            }
            if (!line.isEmpty() && !isChrome(line)) {
                body.add(line);
            }
        }
        Set<String> captions = new HashSet<>();
        boolean inCopy = false;
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            String[] caption = splitCaption(line);
            // Photos lead the article; there a line the page repeats (image alt + caption) is a caption too.
            if (caption == null && !inCopy && body.subList(i + 1, body.size()).contains(line)) {
                caption = new String[] {line, null};
            }
            if (caption != null) {
                if (captions.add(caption[0])) {
                    article.media(ParsedArticle.Media.photo(null, caption[0], caption[1], caption[0]));
                }
                continue;
            }
            String text = INLINE_MARKER.matcher(line).replaceAll("").trim();
            if (text.isEmpty()) {
                continue;
            }
            if (!inCopy) {
                readDateline(text, article);
                inCopy = true;
            }
            article.paragraph(text);
        }
    }

    /** Returns {caption, credit} when the line ends with a photo credit, else null. */
    static String[] splitCaption(String line) {
        Matcher m = CREDIT_PHOTO_BY.matcher(line);
        if (m.matches()) {
            return new String[] {m.group(1).trim(), m.group(2).trim()};
        }
        m = CREDIT_PROVIDED.matcher(line);
        if (m.matches()) {
            String credit = m.group(2).trim();
            return new String[] {m.group(1).trim(), Character.toUpperCase(credit.charAt(0)) + credit.substring(1)};
        }
        m = CREDIT_AGENCY_SLASH.matcher(line);
        if (m.matches() && !m.group(1).isBlank()) {
            return new String[] {m.group(1).trim(), m.group(2).trim()};
        }
        return null;
    }

    private static void readDateline(String firstParagraph, ParsedArticle.Builder article) {
        Matcher m = DATELINE.matcher(firstParagraph);
        if (!m.lookingAt()) {
            return;
        }
        boolean singleHyphen = m.group(4).equals("-");
        if (singleHyphen && m.group(2) == null && m.group(3) == null) {
            return; // "AI - the ..." is prose, not a dateline
        }
        article.datelinePlace(m.group(1));
        if (article.sourceAgency() == null && m.group(3) != null) {
            article.sourceAgency(m.group(3).trim());
        }
    }

    private static boolean looksLikeSection(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return KNOWN_SECTIONS.contains(lower)
                || (line.split("\\s+").length <= 2 && !line.matches(".*[.!?:;,\"]$"));
    }

    private static boolean isChrome(String line) {
        return CHROME.contains(line.toLowerCase(Locale.ROOT));
    }

    private static boolean isEndMarker(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (END_TITLES.contains(lower)) {
            return true;
        }
        for (String marker : END_PREFIXES) {
            if (lower.startsWith(marker)) {
                return true;
            }
        }
        return false;
    }

    private static String pad(String time) {
        return time.length() == 4 || time.indexOf(':') == 1 ? "0" + time : time;
    }

    /** Page text carries no-break and ideographic spaces and runs of blanks; a paragraph is one line. */
    private static String clean(String line) {
        return line.replace('\u00a0', ' ').replace('\u3000', ' ').replaceAll("\\s+", " ").trim();
    }
}
