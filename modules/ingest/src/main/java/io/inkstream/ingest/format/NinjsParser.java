package io.inkstream.ingest.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads IPTC ninjs items, both 1.x (headline, body_html, associations as an object) and
 * 2.x (headlines[], bodies[], associations as an array, infosources[]); a JSON array holds
 * several items. The ninjs uri is the story's source id.
 */
public final class NinjsParser implements WireFormatParser {

    public static final String FORMAT = "ninjs";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        if (PayloadText.mediaTypeIs(contentType, "application/ninjs+json")) {
            return true;
        }
        String head = PayloadText.head(payload, 4096);
        return (head.startsWith("{") || head.startsWith("["))
                && (head.contains("\"uri\"") || head.contains("\"headline") || head.contains("\"body_"));
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        JsonNode root;
        try {
            root = json.readTree(PayloadText.decode(payload, contentType));
        } catch (JacksonException e) {
            throw new RejectedItemException("unparseable", "Not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new RejectedItemException("unparseable", "A ninjs item must be a JSON object (or an array of them).");
        }
        List<ParsedArticle> out = new ArrayList<>();
        for (JsonNode item : root.isArray() ? root : List.of(root)) {
            if (!item.isObject()) {
                throw new RejectedItemException("unparseable", "A ninjs array must hold JSON objects only.");
            }
            out.add(item(item));
        }
        if (out.isEmpty()) {
            throw new RejectedItemException("missing-body", "The ninjs array is empty.");
        }
        return out;
    }

    private ParsedArticle item(JsonNode n) throws RejectedItemException {
        ParsedArticle.Builder a = ParsedArticle.builder();
        ContentType type = contentType(str(n, "type"));
        a.type(type);
        a.sourceId(str(n, "uri"));
        a.headline(firstNonNull(str(n, "headline"), roleValue(n.path("headlines"), "main", true)));
        a.subheadline(roleValue(n.path("headlines"), "sub", false));
        a.byline(str(n, "by"));
        a.datelinePlace(str(n, "located"));
        a.language(str(n, "language"));
        a.section(str(n, "section")); // not ninjs; accepted because many feeds add it
        a.sourceAgency(firstNonNull(firstName(n.path("infosources")), firstName(n.path("infosource")), str(n, "copyrightholder")));
        WireTime published = WireTime.parse(firstNonNull(str(n, "firstcreated"), str(n, "contentcreated"), str(n, "versioncreated")), "firstcreated time");
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        a.embargoUntil(WireTime.instantOrNull(WireTime.parse(str(n, "embargoed"), "embargoed time")));
        a.pubStatus(pubStatus(str(n, "pubstatus")));
        if (n.path("urgency").isInt() && n.path("urgency").asInt() >= 1 && n.path("urgency").asInt() <= 9) {
            a.priority(n.path("urgency").asInt());
        }
        for (JsonNode s : iterable(n.path("subjects"), n.path("subject"))) {
            String name = firstNonNull(str(s, "name"), str(s, "code"), str(s, "uri"));
            if (name != null) {
                a.subject(name);
            }
        }
        body(n, a);
        for (JsonNode assoc : associations(n.path("associations"))) {
            ContentType at = contentType(str(assoc, "type"));
            if (at != ContentType.text) {
                String caption = firstNonNull(str(assoc, "description_text"), roleValue(assoc.path("descriptions"), "caption", true), str(assoc, "headline"),
                        roleValue(assoc.path("headlines"), "main", true));
                a.media(new ParsedArticle.Media(at, renditionHref(assoc), caption,
                        firstNonNull(str(assoc, "by"), str(assoc, "copyrightholder")), roleValue(assoc.path("descriptions"), "alt", false)));
            }
        }
        if (a.headline() == null) {
            throw new RejectedItemException("missing-headline", "The ninjs item has no headline (headline or headlines[].value).");
        }
        if (type == ContentType.text && a.paragraphs().isEmpty()) {
            throw new RejectedItemException("missing-body", "The ninjs text item has no body (body_html, body_text or bodies[]).");
        }
        return a.build();
    }

    private static void body(JsonNode n, ParsedArticle.Builder a) {
        String html = str(n, "body_html");
        String text = str(n, "body_text");
        for (JsonNode b : iterable(n.path("bodies"))) {
            String ct = String.valueOf(str(b, "contenttype")).toLowerCase(Locale.ROOT);
            if (html == null && ct.contains("html")) {
                html = str(b, "value");
            } else if (text == null && !ct.contains("html")) {
                text = str(b, "value");
            }
        }
        String safe = BodyHtml.sanitize(html);
        a.bodyHtml(safe);
        a.paragraphs(safe != null ? BodyHtml.paragraphs(safe) : BodyHtml.paragraphsFromText(text));
    }

    /** 1.x: {"featureimage": {...}}; 2.x: [{"name": "featureimage", ...}]. */
    private static List<JsonNode> associations(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            node.elements().forEachRemaining(out::add);
        }
        return out;
    }

    private static String renditionHref(JsonNode assoc) {
        String direct = str(assoc, "href");
        if (direct != null) {
            return direct;
        }
        List<JsonNode> renditions = associations(assoc.path("renditions"));
        for (JsonNode r : renditions) {
            if ("original".equals(str(r, "name")) || "baseImage".equals(str(r, "name"))) {
                return str(r, "href");
            }
        }
        return renditions.isEmpty() ? null : str(renditions.get(0), "href");
    }

    /** The value of the element with this role, or of the first element when {@code orFirst}. */
    private static String roleValue(JsonNode array, String role, boolean orFirst) {
        if (!array.isArray() || array.isEmpty()) {
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
            default -> ContentType.text;
        };
    }

    private static PubStatus pubStatus(String s) throws RejectedItemException {
        if (s == null) {
            return PubStatus.usable;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "usable" -> PubStatus.usable;
            case "withheld" -> PubStatus.withheld;
            case "canceled", "cancelled" -> PubStatus.canceled;
            default -> throw new RejectedItemException("unparseable", "Unknown ninjs pubstatus '" + s + "' (usable, withheld or canceled).");
        };
    }

    private static Iterable<JsonNode> iterable(JsonNode... nodes) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                node.forEach(out::add);
            }
        }
        return out;
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isValueNode() || v.isNull()) {
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
