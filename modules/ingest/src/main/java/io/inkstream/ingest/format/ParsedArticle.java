package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content of one story as a wire format parser found it: the fields of the Avro
 * {@code Article} that come from the source, before ingest gives it an id, a version and
 * provenance.
 *
 * @param publishedOffset the source's zone id (e.g. Asia/Shanghai) or UTC offset (e.g. +08:00)
 * @param bodyHtml        sanitized to {@link BodyHtml}'s safelist, or null when the source had no markup
 * @param sourceId        the feed's own guid/uri for the story, if any
 * @param firstCreated    when the source says the content was first created, or null when it does not say
 * @param versionCreated  when the source says this version was created, or null when it does not say
 * @param subjectCodes    the source's own classification as {@code scheme:code} (e.g. {@code subj:15000000},
 *                        {@code medtop:20000538}, {@code anpa:s}); ingest maps these to the site's sections
 * @param slugline        the agency's keyword/slug for the story, if any
 * @param warnings        what the parser could not read and left out (a bad date, an unknown charset): the
 *                        article is still published, with these noted in its provenance
 */
public record ParsedArticle(
        String headline,
        String section,
        String subheadline,
        String byline,
        String sourceAgency,
        String editor,
        String datelinePlace,
        Instant publishedAt,
        String publishedOffset,
        Instant embargoUntil,
        String language,
        int priority,
        PubStatus pubStatus,
        ContentType type,
        List<String> paragraphs,
        String bodyHtml,
        List<Media> media,
        List<Link> links,
        List<String> subjects,
        String sourceId,
        String sourceUrl,
        Instant firstCreated,
        Instant versionCreated,
        List<String> subjectCodes,
        String slugline,
        List<String> warnings) {

    /** Longest headline made up for a media item that has none. */
    static final int MADE_UP_HEADLINE_CHARS = 120;

    public ParsedArticle {
        pubStatus = pubStatus == null ? PubStatus.usable : pubStatus;
        type = type == null ? ContentType.text : type;
        paragraphs = List.copyOf(paragraphs == null ? List.of() : paragraphs);
        media = List.copyOf(media == null ? List.of() : media);
        links = List.copyOf(links == null ? List.of() : links);
        subjects = List.copyOf(subjects == null ? List.of() : subjects);
        subjectCodes = List.copyOf(subjectCodes == null ? List.of() : subjectCodes);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        if ((headline == null || headline.isBlank()) && type != ContentType.text) {
            // a picture or video sent without a headline is still a media item: name it by what it shows
            headline = mediaHeadline(type, media, paragraphs, slugline);
        }
        Objects.requireNonNull(headline, "headline");
    }

    private static String mediaHeadline(ContentType type, List<Media> media, List<String> paragraphs, String slugline) {
        String text = media.stream().map(m -> m.caption() != null ? m.caption() : m.alt())
                .filter(t -> t != null && !t.isBlank()).findFirst()
                .orElse(!paragraphs.isEmpty() ? paragraphs.get(0) : slugline);
        if (text == null || text.isBlank()) {
            return "Untitled " + type;
        }
        text = text.strip().replaceAll("\\s+", " ");
        if (text.length() <= MADE_UP_HEADLINE_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MADE_UP_HEADLINE_CHARS - 1);
        return text.substring(0, cut > MADE_UP_HEADLINE_CHARS / 2 ? cut : MADE_UP_HEADLINE_CHARS - 1) + "…";
    }

    /** A photo, video or graphic attached to the story. */
    public record Media(ContentType type, String url, String caption, String credit, String alt) {
        public Media {
            type = type == null ? ContentType.picture : type;
        }

        public static Media photo(String url, String caption, String credit, String alt) {
            return new Media(ContentType.picture, url, caption, credit, alt);
        }
    }

    /** A link the source attached to the story. */
    public record Link(String href, String title, String rel) {
        public Link {
            Objects.requireNonNull(href, "href");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects fields while a parser walks its input; parsers fill what their format has. */
    public static final class Builder {
        private String headline;
        private String section;
        private String subheadline;
        private String byline;
        private String sourceAgency;
        private String editor;
        private String datelinePlace;
        private Instant publishedAt;
        private String publishedOffset;
        private Instant embargoUntil;
        private String language;
        private int priority = 5;
        private PubStatus pubStatus = PubStatus.usable;
        private ContentType type = ContentType.text;
        private final List<String> paragraphs = new ArrayList<>();
        private String bodyHtml;
        private final List<Media> media = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<String> subjects = new ArrayList<>();
        private String sourceId;
        private String sourceUrl;
        private Instant firstCreated;
        private Instant versionCreated;
        private final List<String> subjectCodes = new ArrayList<>();
        private String slugline;
        private final List<String> warnings = new ArrayList<>();

        private Builder() {
        }

        public Builder headline(String v) { headline = v; return this; }
        public Builder section(String v) { section = v; return this; }
        public Builder subheadline(String v) { subheadline = v; return this; }
        public Builder byline(String v) { byline = v; return this; }
        public Builder sourceAgency(String v) { sourceAgency = v; return this; }
        public Builder editor(String v) { editor = v; return this; }
        public Builder datelinePlace(String v) { datelinePlace = v; return this; }
        public Builder publishedAt(Instant at, String offset) { publishedAt = at; publishedOffset = offset; return this; }
        public Builder embargoUntil(Instant v) { embargoUntil = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder priority(int v) { priority = v; return this; }
        public Builder pubStatus(PubStatus v) { pubStatus = v; return this; }
        public Builder type(ContentType v) { type = v; return this; }
        public Builder paragraph(String v) { paragraphs.add(v); return this; }
        public Builder paragraphs(List<String> v) { paragraphs.addAll(v); return this; }
        public Builder bodyHtml(String v) { bodyHtml = v; return this; }
        public Builder media(Media v) { media.add(v); return this; }
        public Builder link(Link v) { links.add(v); return this; }
        public Builder subject(String v) { subjects.add(v); return this; }
        public Builder sourceId(String v) { sourceId = v; return this; }
        public Builder sourceUrl(String v) { sourceUrl = v; return this; }
        public Builder firstCreated(Instant v) { firstCreated = v; return this; }
        public Builder versionCreated(Instant v) { versionCreated = v; return this; }
        /** A classification code as {@code scheme:code}, e.g. {@code subj:15000000}; blanks and repeats are ignored. */
        public Builder subjectCode(String v) {
            if (v != null && !v.isBlank() && !subjectCodes.contains(v.strip())) {
                subjectCodes.add(v.strip());
            }
            return this;
        }
        public Builder slugline(String v) { slugline = v; return this; }
        /** Notes a field that could not be read; the article is still published. */
        public Builder warning(String v) { warnings.add(v); return this; }

        public String headline() { return headline; }
        public String subheadline() { return subheadline; }
        public PubStatus pubStatus() { return pubStatus; }
        public ContentType type() { return type; }
        public Instant publishedAt() { return publishedAt; }
        public String sourceAgency() { return sourceAgency; }
        public String section() { return section; }
        public String byline() { return byline; }
        public String language() { return language; }
        public String sourceId() { return sourceId; }
        public String sourceUrl() { return sourceUrl; }
        public List<Media> media() { return media; }
        public List<String> subjects() { return subjects; }
        public List<String> paragraphs() { return paragraphs; }
        public String bodyHtml() { return bodyHtml; }
        public List<String> subjectCodes() { return subjectCodes; }
        public List<String> warnings() { return warnings; }
        public String slugline() { return slugline; }

        public ParsedArticle build() {
            return new ParsedArticle(headline, section, subheadline, byline, sourceAgency, editor,
                    datelinePlace, publishedAt, publishedOffset, embargoUntil, language, priority,
                    pubStatus, type, paragraphs, bodyHtml, media, links, subjects, sourceId, sourceUrl,
                    firstCreated, versionCreated, subjectCodes, slugline, warnings);
        }
    }
}
