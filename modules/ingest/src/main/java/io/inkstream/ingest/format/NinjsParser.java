package io.inkstream.ingest.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads IPTC ninjs items of every version agencies send: 1.x (headline, body_html or
 * body_xhtml, associations as an object), 2.x (headlines[], bodies[], descriptions[],
 * associations as an array, infosources[]) and 3.0 (the same in camelCase: versionCreated,
 * contentType…). A body may itself be a NITF document. A JSON array, or a wrapper such as
 * {@code {total, item:[…]}}, holds several items, each accepted or refused on its own. The
 * ninjs uri (else guid) is the story's source id.
 */
public final class NinjsParser extends FormatParser.ByTypeOrHead implements WireFormatParser.OfEntries {

    public static final String FORMAT = "ninjs";

    private static final String MEDIATOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/";
    private static final String SUBJECTCODE_URI = "http://cv.iptc.org/newscodes/subjectcode/";

    private final ObjectMapper json = new ObjectMapper();

    public NinjsParser() {
        super(FORMAT,
                head -> (head.startsWith("{") || head.startsWith("["))
                        && (head.contains("\"uri\"") || head.contains("\"guid\"") || head.contains("\"headline") || head.contains("\"body_")),
                "application/ninjs+json");
    }

    @Override
    public List<ParsedEntry> parseEntries(byte[] payload, String contentType) throws RejectedItemException {
        JsonNode root;
        try {
            root = json.readTree(PayloadText.decode(payload, contentType));
        } catch (JacksonException e) {
            throw new RejectedItemException("unparseable", "Not valid JSON (read as ninjs): " + e.getOriginalMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new RejectedItemException("unparseable", "A ninjs item must be a JSON object (or an array of them).");
        }
        List<JsonNode> items = items(root);
        if (items.isEmpty()) {
            throw new RejectedItemException("missing-body", "The ninjs " + (root.isArray() ? "array" : "item list") + " is empty.");
        }
        List<ParsedEntry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String label = items.size() == 1 ? null : firstNonNull(str(item, "uri"), str(item, "guid"), "item " + (i + 1));
            if (!item.isObject()) {
                out.add(ParsedEntry.refused(label, new RejectedItemException("unparseable", "ninjs item " + (i + 1) + " is not a JSON object.")));
                continue;
            }
            try {
                out.add(ParsedEntry.of(label, item(item)));
            } catch (RejectedItemException e) {
                out.add(ParsedEntry.refused(label, e));
            }
        }
        return out;
    }

    /** The items of a document: itself, the elements of an array, or the {@code item} list of a {@code {total, item:[…]}} wrapper. */
    private static List<JsonNode> items(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode wrapped = root.isObject() && !root.has("headline") && !root.has("headlines") ? field(root, "item") : null;
        JsonNode list = root.isArray() ? root : wrapped != null && wrapped.isArray() ? wrapped : null;
        if (list == null) {
            out.add(root);
        } else {
            list.forEach(out::add);
        }
        return out;
    }

    private ParsedArticle item(JsonNode n) throws RejectedItemException {
        ParsedArticle.Builder a = ParsedArticle.builder();
        ContentType type = contentType(str(n, "type"));
        a.type(type);
        a.sourceId(firstNonNull(str(n, "uri"), str(n, "guid")));
        a.headline(firstNonNull(str(n, "headline"), roleValue(field(n, "headlines"), "main", true)));
        a.subheadline(firstNonNull(roleValue(field(n, "headlines"), "sub", false), str(n, "description_text"),
                roleValue(field(n, "descriptions"), "summary", false), roleValue(field(n, "descriptions"), "lead", false)));
        a.byline(firstNonNull(str(n, "by"), str(n, "byline"), authors(field(n, "authors"))));
        a.datelinePlace(str(n, "located"));
        a.language(str(n, "language"));
        a.slugline(str(n, "slugline"));
        a.section(str(n, "section")); // not ninjs; accepted because many feeds add it
        a.sourceAgency(firstNonNull(firstName(field(n, "infosources")), firstName(field(n, "infosource")), str(n, "source"),
                str(n, "copyrightholder")));
        WireTime first = time(n, "firstcreated", a);
        WireTime version = time(n, "versioncreated", a);
        WireTime published = firstNonNull(first, time(n, "contentcreated", a), version);
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        a.firstCreated(WireTime.instantOrNull(first));
        a.versionCreated(WireTime.instantOrNull(version));
        a.embargoUntil(WireTime.instantOrNull(time(n, "embargoed", a)));
        a.pubStatus(pubStatus(str(n, "pubstatus"), a));
        a.priority(priority(n));
        for (JsonNode s : iterable(field(n, "subjects"), field(n, "subject"))) {
            String name = firstNonNull(str(s, "name"), str(s, "code"), str(s, "uri"));
            if (name != null) {
                a.subject(name);
            }
            String code = subjectCode(s);
            a.subjectCode(code);
            a.subjectCode(LdrsCategories.subjectCode(code));
        }
        for (JsonNode keyword : iterable(field(n, "keywords"))) {
            if (keyword.isTextual() && !keyword.asText().isBlank()) {
                a.subject(keyword.asText().strip());
            }
        }
        body(n, a);
        for (JsonNode assoc : associations(field(n, "associations"))) {
            ContentType at = contentType(str(assoc, "type"));
            if (at != ContentType.text) {
                a.media(media(assoc, at));
            }
        }
        if (type != ContentType.text && a.media().isEmpty() && renditionHref(n) != null) {
            a.media(media(n, type)); // a picture or video item is its own media
        }
        if (a.headline() == null && type == ContentType.text) {
            throw new RejectedItemException("missing-headline", "The ninjs item has no headline (headline or headlines[].value).");
        }
        if (type == ContentType.text && a.paragraphs().isEmpty()) {
            String description = firstNonNull(str(n, "description_text"), roleValue(field(n, "descriptions"), "text", true));
            if (description == null) {
                a.warning("The ninjs text item has no body (body_html, body_xhtml, body_text or bodies[]): only its headline is shown.");
            } else {
                a.paragraphs(BodyHtml.paragraphsFromText(description));
                a.warning("The ninjs text item has no body (body_html, body_xhtml, body_text or bodies[]): its description is shown instead.");
            }
        }
        return a.build();
    }

    private static ParsedArticle.Media media(JsonNode assoc, ContentType type) {
        String caption = firstNonNull(str(assoc, "description_text"), roleValue(field(assoc, "descriptions"), "caption", true),
                str(assoc, "headline"), roleValue(field(assoc, "headlines"), "main", true));
        return new ParsedArticle.Media(type, renditionHref(assoc), caption,
                firstNonNull(str(assoc, "by"), str(assoc, "byline"), str(assoc, "copyrightholder")),
                firstNonNull(str(assoc, "alt_text"), roleValue(field(assoc, "descriptions"), "alt", false),
                        str(assoc, "body_text"))); // Superdesk writes a picture's alt text as its body_text
    }

    /** The item's own time field; an unreadable one is a warning, not a refusal. */
    private static WireTime time(JsonNode n, String name, ParsedArticle.Builder a) {
        try {
            return WireTime.parse(str(n, name), "ninjs " + name + " time");
        } catch (RejectedItemException e) {
            a.warning(e.reason() + " It was left out.");
            return null;
        }
    }

    /** ninjs urgency (1 most urgent … 9); Superdesk's priority when urgency is absent. */
    private static int priority(JsonNode n) {
        for (String name : List.of("urgency", "priority")) {
            JsonNode v = field(n, name);
            if (v != null && v.canConvertToInt() && v.asInt() >= 1 && v.asInt() <= 9) {
                return v.asInt();
            }
        }
        return 5;
    }

    /** A subject as {@code scheme:code}: scheme and code when given, IPTC uris as medtop:/subj:, bare eight digits as IPTC subject codes. */
    private static String subjectCode(JsonNode s) {
        String code = firstNonNull(str(s, "code"), str(s, "qcode"));
        String scheme = str(s, "scheme");
        String uri = str(s, "uri");
        if (code == null && uri != null) {
            if (uri.startsWith(MEDIATOPIC_URI)) {
                return "medtop:" + uri.substring(MEDIATOPIC_URI.length());
            }
            if (uri.startsWith(SUBJECTCODE_URI)) {
                return "subj:" + uri.substring(SUBJECTCODE_URI.length());
            }
            if (uri.matches("[\\w-]+:[\\w.-]+")) {
                return uri; // already a qcode
            }
        }
        if (code == null) {
            code = str(s, "literal");
        }
        if (code == null) {
            return null;
        }
        if (scheme != null && !scheme.startsWith("http")) {
            return scheme + ":" + code;
        }
        if (code.contains(":")) {
            return code;
        }
        return code.matches("\\d{8}") ? "subj:" + code : null;
    }

    private static String authors(JsonNode authors) {
        List<String> names = new ArrayList<>();
        for (JsonNode au : iterable(authors)) {
            String name = str(au, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** body_html or body_xhtml, else an HTML or NITF entry of bodies[], else body_text or a plain bodies[] entry. */
    private static void body(JsonNode n, ParsedArticle.Builder a) throws RejectedItemException {
        String html = firstNonNull(str(n, "body_html"), str(n, "body_xhtml"));
        String text = str(n, "body_text");
        Element nitf = null;
        for (JsonNode b : iterable(field(n, "bodies"))) {
            String ct = String.valueOf(str(b, "contenttype")).toLowerCase(Locale.ROOT);
            String value = str(b, "value");
            if (value == null) {
                continue;
            }
            if (ct.contains("nitf")) {
                nitf = nitf == null ? nitfDocument(value) : nitf;
            } else if (html == null && ct.contains("html")) {
                html = value;
            } else if (text == null && !ct.contains("html")) {
                text = value;
            }
        }
        if (html == null && nitf != null) {
            Element content = EmbeddedNitf.content(nitf);
            html = content == null ? null : SecureXml.innerXml(content);
            if (a.headline() == null) {
                a.headline(EmbeddedNitf.headline(nitf));
            }
            if (a.byline() == null) {
                a.byline(EmbeddedNitf.byline(nitf));
            }
        }
        String safe = BodyHtml.sanitize(html);
        a.bodyHtml(safe);
        a.paragraphs(safe != null ? BodyHtml.paragraphs(safe) : BodyHtml.paragraphsFromText(text));
    }

    /** A body that is a NITF document, read with the same XML defences as a NITF file. */
    private static Element nitfDocument(String value) throws RejectedItemException {
        Element root = SecureXml.parse(value.getBytes(StandardCharsets.UTF_8));
        if (!EmbeddedNitf.isNitf(root)) {
            throw new RejectedItemException("unparseable", "A ninjs body declared as NITF holds <" + root.getLocalName() + ">, not <nitf>.");
        }
        return root;
    }

    /** 1.x: {"featureimage": {...}}; 2.x: [{"name": "featureimage", ...}]. */
    private static List<JsonNode> associations(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            node.elements().forEachRemaining(out::add);
        }
        return out;
    }

    /** The href of the best rendition: original, baseImage or highRes when named, else the widest. */
    private static String renditionHref(JsonNode assoc) {
        String direct = str(assoc, "href");
        if (direct != null) {
            return direct;
        }
        List<Map.Entry<String, JsonNode>> renditions = new ArrayList<>();
        JsonNode node = field(assoc, "renditions");
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(renditions::add);
        } else if (node != null && node.isArray()) {
            node.forEach(r -> renditions.add(Map.entry(String.valueOf(str(r, "name")), r)));
        }
        String best = null;
        int widest = -1;
        for (Map.Entry<String, JsonNode> r : renditions) {
            String href = str(r.getValue(), "href");
            if (href == null) {
                continue;
            }
            String name = r.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("original") || name.equals("baseimage") || name.contains("hires")) {
                return href;
            }
            JsonNode width = field(r.getValue(), "width");
            int w = width != null && width.canConvertToInt() ? width.asInt() : width != null ? parseIntOr(width.asText()) : 0;
            if (w > widest) {
                widest = w;
                best = href;
            }
        }
        return best;
    }

    private static int parseIntOr(String s) {
        return s.matches("\\d{1,6}") ? Integer.parseInt(s) : 0;
    }

    /** The value of the element with this role, or of the first element when {@code orFirst}. */
    private static String roleValue(JsonNode array, String role, boolean orFirst) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        for (JsonNode e : array) {
            if (role.equals(str(e, "role"))) {
                return str(e, "value");
            }
        }
        return orFirst && str(array.get(0), "role") == null ? str(array.get(0), "value") : null;
    }

    private static String firstName(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray() && !node.isEmpty()) {
            return str(node.get(0), "name");
        }
        return node.isObject() ? str(node, "name") : null;
    }

    private static ContentType contentType(String t) {
        if (t == null) {
            return ContentType.text;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "picture" -> ContentType.picture;
            case "video" -> ContentType.video;
            case "graphic" -> ContentType.graphic;
            case "audio" -> ContentType.audio;
            default -> ContentType.text; // text, composite, story, advisory…: a story to read
        };
    }

    private static PubStatus pubStatus(String s, ParsedArticle.Builder a) {
        if (s == null) {
            return PubStatus.usable;
        }
        PubStatus status = AgencyStatus.iptcPubStatus(s);
        if (status == null) {
            a.warning("Unknown ninjs pubstatus '" + s + "' (usable, withheld or canceled): taken as usable.");
            return PubStatus.usable;
        }
        return status;
    }

    private static Iterable<JsonNode> iterable(JsonNode... nodes) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node != null && node.isArray()) {
                node.forEach(out::add);
            }
        }
        return out;
    }

    /** A field by its ninjs 1.x/2.x name (versioncreated), or as ninjs 3.0 spells it (versionCreated). */
    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v != null || !n.isObject()) {
            return v;
        }
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return n.get(candidate);
            }
        }
        return null;
    }

    private static String str(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
