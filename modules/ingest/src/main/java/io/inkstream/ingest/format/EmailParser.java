package io.inkstream.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RFC 822 / MIME e-mail (uploaded as message/rfc822 or as plain text) as a story:
 * Subject (RFC 2047 decoded) is the headline, From's display name the byline and source (else
 * its domain: a person's mail address is not printed), Date the version time, Message-ID the source id, Content-Language the language. The body is
 * the HTML alternative sanitized, else the plain text (format=flowed joined, the "-- " signature
 * cut); image, video and audio attachments are the story's media. An e-mail whose plain body is
 * a form notification's JSON ({@code {"Headline":[…],"Body":[…]}}, as AAP's Google form sends
 * it) is read field by field.
 *
 * <p>MIME structure, transfer encodings and encoded words are Jakarta Mail's (Angus); written
 * here are only what it does not do: a Date whose weekday disagrees with its date is kept with a
 * warning (Jakarta's parser would drop it), and RFC 3676 flowed text is joined.
 */
public final class EmailParser extends FormatParser {

    public static final String FORMAT = "rfc822";

    private static final Pattern HEADER_LINE = Pattern.compile("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,76}:.*");
    private static final Pattern DATE = Pattern.compile(
            "^\\s*(?:([A-Za-z]{3}),?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?.*");
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"),
            Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"),
            Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"),
            Map.entry("PDT", "-0700"));
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    /** AAP's category names in its editorial form, and their ANPA category letters. */
    private static final Map<String, String> FORM_CATEGORIES = Map.of(
            "australian general news", "a", "domestic sport", "s", "international sport", "t",
            "international news", "i", "finance", "f", "entertainment", "e");
    private static final int MAX_PARTS = 200;
    private static final int MAX_DEPTH = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;

    public EmailParser() {
        super(FORMAT);
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.ignorewhitespacelines", "true");
        session = Session.getInstance(props);
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        if (PayloadText.mediaTypeIs(contentType, "message/rfc822")) {
            return true;
        }
        String head = new String(payload, leadingBlank(payload), Math.min(16384, payload.length - leadingBlank(payload)), StandardCharsets.ISO_8859_1);
        int headers = 0;
        boolean from = false;
        boolean subjectOrDate = false;
        for (String line : head.split("\\r?\\n", 300)) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (headers == 0) {
                    return false;
                }
                continue;
            }
            if (!HEADER_LINE.matcher(line).matches()) {
                return false;
            }
            headers++;
            String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            from |= name.equals("from");
            subjectOrDate |= name.equals("subject") || name.equals("date") || name.equals("message-id");
        }
        return from && subjectOrDate && headers >= 3;
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        try {
            return List.of(read(payload));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new RejectedItemException("unparseable", "E-mail (RFC 822): the message cannot be read: " + e.getMessage(), e);
        }
    }

    private ParsedArticle read(byte[] payload) throws MessagingException, IOException, RejectedItemException {
        int start = leadingBlank(payload);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(payload, start, payload.length - start));
        if (message.getHeader("From") == null && message.getHeader("Subject") == null) {
            throw new RejectedItemException("unparseable", "E-mail (RFC 822): no From or Subject header found before the first blank line.");
        }
        ParsedArticle.Builder a = ParsedArticle.builder();
        String subject = message.getSubject();
        // "Fwd: Re:" is the mail's routing, not the story's headline
        a.headline(subject == null ? null : subject.replaceAll("\\s+", " ").strip().replaceFirst("^(?i)((fwd?|fw|re|aw|wg)\\s*:\\s*)+", ""));
        String from = decoded(message.getHeader("From", ","));
        if (from != null) {
            // pages print the source: the sender's name, else the domain, never a person's mail address
            a.sourceAgency(domain(from));
            try {
                InternetAddress[] addresses = InternetAddress.parseHeader(message.getHeader("From", ","), false);
                if (addresses.length > 0 && addresses[0].getPersonal() != null && !addresses[0].getPersonal().isBlank()) {
                    a.byline(addresses[0].getPersonal().strip());
                    a.sourceAgency(addresses[0].getPersonal().strip());
                } else if (addresses.length > 0 && addresses[0].getAddress() != null) {
                    a.sourceAgency(domain(addresses[0].getAddress()));
                }
            } catch (AddressException e) {
                a.warning("E-mail: the From address '" + Iptc7901Parser.abbreviate(from) + "' is not an RFC 822 address.");
            }
        }
        readDate(message.getHeader("Date", null), a);
        a.sourceId(message.getMessageID());
        String lang = message.getHeader("Content-Language", ",");
        if (lang != null && !lang.isBlank()) {
            a.language(lang.split(",")[0].strip());
        }

        Bodies bodies = new Bodies();
        walk(message, bodies, a, 0);
        JsonNode form = form(bodies.plain);
        if (form != null) {
            readForm(form, a);
        } else if (bodies.html != null && BodyHtml.sanitize(bodies.html) != null) {
            String safe = BodyHtml.sanitize(bodies.html);
            a.bodyHtml(safe);
            a.paragraphs(BodyHtml.paragraphs(safe));
        } else if (bodies.plain != null) {
            a.paragraphs(BodyHtml.paragraphsFromText(withoutSignature(bodies.plain)));
        }

        if (a.paragraphs().isEmpty() && !a.media().isEmpty()) {
            a.type(a.media().get(0).type()); // a photo sent by mail with no text is a picture item
        }
        if (a.headline() == null || a.headline().isBlank()) {
            if (a.paragraphs().isEmpty() && a.media().isEmpty()) {
                throw new RejectedItemException("missing-headline", "E-mail (RFC 822): no Subject and no body text, so nothing to show.");
            }
            if (!a.paragraphs().isEmpty()) {
                String first = a.paragraphs().get(0);
                a.headline(first.length() <= 120 ? first : first.substring(0, Math.max(60, first.lastIndexOf(' ', 119))) + "…");
            }
            a.warning("E-mail: no Subject; the headline is made from the body.");
        }
        if (a.type() == ContentType.text && a.paragraphs().isEmpty()) {
            throw new RejectedItemException("missing-body", "E-mail (RFC 822) '" + Iptc7901Parser.abbreviate(a.headline())
                    + "': no text/plain or text/html body and no picture attachment.");
        }
        return a.build();
    }

    private static final class Bodies {
        String html;
        String plain;
        int parts;
    }

    private void walk(Part part, Bodies bodies, ParsedArticle.Builder a, int depth) throws MessagingException, IOException {
        if (++bodies.parts > MAX_PARTS || depth > MAX_DEPTH) {
            if (bodies.parts == MAX_PARTS + 1 || depth == MAX_DEPTH + 1) {
                a.warning("E-mail: more than " + MAX_PARTS + " parts or " + MAX_DEPTH + " levels of nesting; the rest is left out.");
            }
            return;
        }
        if (part.isMimeType("multipart/*")) {
            // built from the part's own data source, not getContent(): no mailcap lookup, which a shaded jar may lose
            Multipart mp = new jakarta.mail.internet.MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, bodies, a, depth + 1);
            }
            return;
        }
        if (part.isMimeType("message/rfc822")) {
            walk(new MimeMessage(session, part.getInputStream()), bodies, a, depth + 1); // a forwarded story
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (!attachment && part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = text(part, a);
        } else if (!attachment && part.isMimeType("text/plain") && bodies.plain == null) {
            String text = text(part, a);
            jakarta.mail.internet.ContentType type = contentType(part);
            if (type != null && "flowed".equalsIgnoreCase(type.getParameter("format"))) {
                text = unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
            }
            bodies.plain = text;
        } else {
            ContentType media = part.isMimeType("image/*") ? ContentType.picture : part.isMimeType("video/*") ? ContentType.video
                    : part.isMimeType("audio/*") ? ContentType.audio : null;
            String name = part.getFileName();
            if (media != null) {
                String cid = part instanceof jakarta.mail.internet.MimePart mp ? mp.getContentID() : null;
                String url = cid == null ? null : "cid:" + cid.replaceAll("^<|>$", "");
                a.media(new ParsedArticle.Media(media, url, name, null, name));
            } else if (name != null || attachment) {
                a.warning("E-mail: the attachment " + (name == null ? "" : "'" + name + "' ") + "(" + baseType(part) + ") is not a picture, video or audio and is not shown.");
            }
        }
    }

    private static String text(Part part, ParsedArticle.Builder a) throws MessagingException, IOException {
        byte[] bytes = part.getInputStream().readAllBytes();
        jakarta.mail.internet.ContentType type = contentType(part);
        String declared = type == null ? null : type.getParameter("charset");
        if (declared != null) {
            try {
                Charset charset = Charset.forName(MimeUtility.javaCharset(declared));
                return charset.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException e) {
                a.warning("E-mail: unknown charset '" + declared + "' in a " + baseType(part) + " part; read as UTF-8 or ISO-8859-1.");
            } catch (java.nio.charset.CharacterCodingException e) {
                a.warning("E-mail: a " + baseType(part) + " part is not valid " + declared + " as declared; read as ISO-8859-1.");
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        return FramedText.decode(bytes, null, a);
    }

    private static jakarta.mail.internet.ContentType contentType(Part part) {
        try {
            return new jakarta.mail.internet.ContentType(part.getContentType());
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(Part part) {
        jakarta.mail.internet.ContentType t = contentType(part);
        return t == null ? "unknown type" : t.getBaseType().toLowerCase(Locale.ROOT);
    }

    /** RFC 3676: a line ending in a space continues on the next (the space dropped with delsp=yes). */
    static String unflow(String text, boolean delsp) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\r?\\n", -1)) {
            String l = line.startsWith(" ") ? line.substring(1) : line; // space-stuffing
            if (l.endsWith(" ") && !l.equals("-- ")) {
                out.append(delsp ? l.substring(0, l.length() - 1) : l);
            } else {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    private static String withoutSignature(String text) {
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("-- ")) {
                return String.join("\n", Arrays.asList(lines).subList(0, i));
            }
        }
        return text;
    }

    /** The date as written: a weekday that does not match is noted, not a reason to lose the date. */
    private static void readDate(String value, ParsedArticle.Builder a) {
        if (value == null || value.isBlank()) {
            return;
        }
        Matcher m = DATE.matcher(value);
        int month = m.matches() ? MONTHS.indexOf(m.group(3).toLowerCase(Locale.ROOT)) + 1 : 0;
        if (month == 0) {
            a.warning("E-mail: the Date '" + Iptc7901Parser.abbreviate(value.strip()) + "' is not an RFC 822 date; left out.");
            return;
        }
        try {
            int year = Integer.parseInt(m.group(4));
            year = m.group(4).length() == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
            String zone = m.group(8) == null ? "+0000" : m.group(8).startsWith("+") || m.group(8).startsWith("-") ? m.group(8)
                    : ZONES.get(m.group(8).toUpperCase(Locale.ROOT));
            if (zone == null) {
                a.warning("E-mail: unknown zone '" + m.group(8) + "' in the Date; read as UTC.");
                zone = "+0000";
            }
            ZoneOffset offset = ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
            a.publishedAt(local.toInstant(offset), offset.getId());
            a.versionCreated(local.toInstant(offset));
            if (m.group(1) != null) {
                DayOfWeek actual = local.getDayOfWeek();
                String said = m.group(1);
                if (!actual.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(said)) {
                    a.warning("E-mail: the Date says " + said + " but " + local.toLocalDate() + " was a "
                            + actual.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "; the date is kept.");
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            a.warning("E-mail: the Date '" + Iptc7901Parser.abbreviate(value.strip()) + "' holds no valid date; left out.");
        }
    }

    /** The JSON a form notification sends as its plain body, or null when the body is ordinary text. */
    private static JsonNode form(String plain) {
        if (plain == null || !plain.strip().startsWith("{")) {
            return null;
        }
        try {
            // the mail's line wrapping is not part of the JSON (its own line breaks are escaped)
            JsonNode node = JSON.readTree(plain.replace("\r", "").replace("\n", ""));
            return node != null && node.isObject() && node.has("Headline") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void readForm(JsonNode form, ParsedArticle.Builder a) {
        String headline = field(form, "Headline");
        if (headline != null) {
            a.headline(headline);
        }
        a.subheadline(field(form, "Abstract"));
        a.slugline(field(form, "Slugline"));
        String body = field(form, "Body");
        if (body != null) {
            a.paragraphs(BodyHtml.paragraphsFromText(body.replace("\n", "\n\n")));
        }
        String category = field(form, "Category");
        if (category != null) {
            for (String c : category.split(",")) {
                String name = c.strip();
                a.subject(name);
                String code = FORM_CATEGORIES.get(name.toLowerCase(Locale.ROOT));
                if (code != null) {
                    a.subjectCode("anpa:" + code);
                }
            }
        }
        String priority = field(form, "Priority");
        String newsValue = field(form, "News Value");
        if (priority != null && priority.matches("[1-9]")) {
            a.priority(Integer.parseInt(priority));
        } else if (newsValue != null && newsValue.matches("[1-9]")) {
            a.priority(Integer.parseInt(newsValue));
        }
        a.datelinePlace(field(form, "Dateline"));
        String reporter = field(form, "Username") != null ? field(form, "Username") : field(form, "Email Address");
        if (reporter != null) {
            a.sourceAgency(domain(reporter));
            a.byline(field(form, "Byline"));
        }
        if ("LEGAL".equalsIgnoreCase(field(form, "Legal flag"))) {
            a.pubStatus(PubStatus.withheld);
            a.warning("E-mail form: marked for legal review; held until released.");
        }
    }

    /** A form field: the first non-blank of its values. */
    private static String field(JsonNode form, String name) {
        JsonNode v = form.get(name);
        if (v == null) {
            return null;
        }
        for (JsonNode item : v.isArray() ? v : List.of(v)) {
            if (item.isTextual() && !item.asText().isBlank()) {
                return item.asText().strip();
            }
        }
        return null;
    }

    /** "eharvey@aap.com.au" gives "aap.com.au": the organisation, not the person's address. */
    private static String domain(String address) {
        String a = address.replaceAll(".*<([^>]*)>.*", "$1").strip();
        int at = a.lastIndexOf('@');
        return at >= 0 && at < a.length() - 1 ? a.substring(at + 1) : a;
    }

    private static String decoded(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header)).replaceAll("\\s+", " ").strip();
        } catch (java.io.UnsupportedEncodingException e) {
            return header.strip();
        }
    }

    /** Uploads often start with a blank or space-padded line before the headers. */
    private static int leadingBlank(byte[] payload) {
        int start = 0;
        int lineStart = 0;
        for (int i = 0; i < payload.length; i++) {
            byte b = payload[i];
            if (b == '\n') {
                start = i + 1;
                lineStart = start;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                return lineStart;
            }
        }
        return start;
    }
}
