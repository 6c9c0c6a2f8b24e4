package io.inkstream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inkstream.ingest.WireFormatNames;
import io.inkstream.testkit.Fixtures;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fixture story (the ECNS page: headline, ten paragraphs, a photo) written in each wire format
 * ingest reads, as item number {@code n}: a headline, id and time of its own, so every item is a new
 * article (none is dropped as a duplicate) and all formats carry the same copy.
 */
final class WireSamples {

    /** One wire format: its name as ingest reports it and the media type a feed would send. */
    record Format(String name, String contentType) {
    }

    static final List<Format> FORMATS = List.of(
            new Format(WireFormatNames.PAGE_TEXT, "text/plain; charset=utf-8"),
            new Format(WireFormatNames.HTML, "text/html; charset=utf-8"),
            new Format(WireFormatNames.NINJS, "application/ninjs+json"),
            new Format(WireFormatNames.NEWSML_G2, "application/vnd.iptc.g2.newsitem+xml"),
            new Format(WireFormatNames.RSS, "application/rss+xml"),
            new Format(WireFormatNames.NITF, "application/nitf+xml"),
            new Format(WireFormatNames.NEWSML_1_2, "application/xml"),
            new Format(WireFormatNames.IPTC_7901, "text/plain; charset=utf-8"),
            new Format(WireFormatNames.ANPA_1312, "text/plain; charset=utf-8"),
            new Format(WireFormatNames.EMAIL, "message/rfc822"),
            new Format(WireFormatNames.WORDPRESS_WXR, "application/rss+xml"));

    private static final String HEADLINE = "Xi urges constructive cyberspace talks";
    private static final LocalDateTime PUBLISHED = LocalDateTime.parse("2015-09-25T08:34:00");
    private static final ZoneOffset SITE_OFFSET = ZoneOffset.ofHours(8);
    private static final String CAPTION = "Chinese President Xi Jinping talks with tech executives at 8th U.S.-China Internet"
            + " Industry Forum in Seattle, Sept 23, 2015.";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ISO 8601 basic, as NITF and NewsML 1.2 write times: 20150925T083400+0800. */
    private static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssxx");

    private final String page = Fixtures.ecnsPage();
    private final List<String> paragraphs = bodyParagraphs(page);

    byte[] item(String format, int n) {
        String text = switch (format) {
            case WireFormatNames.PAGE_TEXT -> pageText(n);
            case WireFormatNames.HTML -> html(n);
            case WireFormatNames.NINJS -> ninjs(n);
            case WireFormatNames.NEWSML_G2 -> newsMl(n);
            case WireFormatNames.RSS -> rss(n);
            case WireFormatNames.NITF -> nitf(n);
            case WireFormatNames.NEWSML_1_2 -> newsMl12(n);
            case WireFormatNames.IPTC_7901 -> iptc7901(n);
            case WireFormatNames.ANPA_1312 -> anpa1312(n);
            case WireFormatNames.EMAIL -> email(n);
            case WireFormatNames.WORDPRESS_WXR -> wxr(n);
            default -> throw new IllegalArgumentException("no sample for format " + format);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String headline(int n) {
        return HEADLINE + " (" + n + ")";
    }

    private static OffsetDateTime published(int n) {
        return PUBLISHED.plusMinutes(n).atOffset(SITE_OFFSET);
    }

    private String pageText(int n) {
        String time = published(n).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        return page.replace("\n" + HEADLINE + "\n", "\n" + headline(n) + "\n")
                .replace("2015-09-25 08:34China Daily", time + "China Daily");
    }

    private String html(int n) {
        String url = "http://www.ecns.cn/2015/09-25/xi-cyberspace-" + n + ".shtml";
        ObjectNode ld = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "NewsArticle")
                .put("@id", url + "#article").put("headline", headline(n)).put("articleSection", "Politics")
                .put("datePublished", published(n).toString()).put("inLanguage", "en");
        ld.putObject("editor").put("@type", "Person").put("name", "Wang Fan");
        ld.putObject("sourceOrganization").put("@type", "Organization").put("name", "China Daily");
        ld.putArray("image").addObject().put("@type", "ImageObject").put("url", "http://www.ecns.cn/img/xi.jpg")
                .put("caption", CAPTION).put("creditText", "Lao Jiang/Provided to chinadaily.com.cn");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(headline(n))
                + " - ECNS</title>\n<link rel=\"canonical\" href=\"" + url + "\">\n"
                + "<script type=\"application/ld+json\">" + ld + "</script></head>\n<body>\n"
                + "<nav><a href=\"/\">News</a> <a href=\"/politics\">Politics</a></nav>\n<article><h1>" + escape(headline(n))
                + "</h1>\n<figure><img src=\"http://www.ecns.cn/img/xi.jpg\" alt=\"Xi\"><figcaption>" + escape(CAPTION)
                + "</figcaption></figure>\n<div class=\"article-body\">\n" + htmlParagraphs()
                + "</div></article>\n<footer>Copyright ©1999-2018 Chinanews.com. All rights reserved.</footer>\n</body></html>\n";
    }

    private String ninjs(int n) {
        ObjectNode item = JSON.createObjectNode().put("uri", "http://www.ecns.cn/ninjs/xi-cyberspace-" + n)
                .put("type", "text").put("version", "1").put("firstcreated", published(n).toString())
                .put("versioncreated", published(n).toString()).put("pubstatus", "usable").put("language", "en");
        item.putArray("headlines").addObject().put("value", headline(n)).put("role", "main");
        item.putArray("bodies").addObject().put("value", String.join("\n\n", paragraphs)).put("contenttype", "text/plain");
        item.putArray("infosources").addObject().put("name", "China Daily").put("role", "source");
        item.putArray("subjects").addObject().put("name", "Politics");
        ObjectNode picture = item.putArray("associations").addObject().put("name", "picture1").put("type", "picture")
                .put("by", "Lao Jiang/Provided to chinadaily.com.cn");
        picture.putArray("descriptions").addObject().put("value", CAPTION).put("role", "caption");
        picture.putArray("renditions").addObject().put("name", "original").put("href", "http://www.ecns.cn/img/xi.jpg");
        return item.toString();
    }

    private String newsMl(int n) {
        String time = published(n).toString();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:newsml:ecns.cn:20150925:xi-cyberspace-" + n
                + "\" version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.29\" conformance=\"power\" xml:lang=\"en\">\n"
                + "<itemMeta><itemClass qcode=\"ninat:text\"/><provider qcode=\"nprov:ECNS\"/><versionCreated>" + time
                + "</versionCreated><firstCreated>" + time + "</firstCreated><pubStatus qcode=\"stat:usable\"/></itemMeta>\n"
                + "<contentMeta><infoSource role=\"isrol:originatingSource\"><name>China Daily</name></infoSource>"
                + "<genre qcode=\"section:Politics\"><name>Politics</name></genre><headline>" + escape(headline(n))
                + "</headline></contentMeta>\n<contentSet><inlineXML contenttype=\"application/xhtml+xml\">"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body>\n" + htmlParagraphs()
                + "</body></html></inlineXML></contentSet>\n</newsItem>\n";
    }

    private String rss(int n) {
        String time = published(n).format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>ECNS World</title><link>http://www.ecns.cn/</link>"
                + "<description>News from ECNS</description><language>en</language>\n<item><title>" + escape(headline(n))
                + "</title><link>http://www.ecns.cn/2015/09-25/xi-" + n + ".shtml</link><guid isPermaLink=\"false\">ecns-xi-" + n
                + "</guid><pubDate>" + time + "</pubDate><category>Politics</category>\n<content:encoded><![CDATA["
                + htmlParagraphs() + "]]></content:encoded>\n<media:content url=\"http://img.ecns.cn/xi.jpg\" medium=\"image\">"
                + "<media:description>" + escape(CAPTION) + "</media:description><media:credit>Lao Jiang</media:credit>"
                + "</media:content></item>\n</channel></rss>\n";
    }

    private String nitf(int n) {
        String time = published(n).format(ISO_BASIC);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nitf version=\"-//IPTC//DTD NITF 3.6//EN\" baselang=\"en\">"
                + "<head><title>" + escape(headline(n)) + "</title><docdata management-status=\"usable\">"
                + "<doc-id id-string=\"ecns-xi-cyberspace-" + n + "\"/><urgency ed-urg=\"5\"/><date.issue norm=\"" + time + "\"/>"
                + "</docdata></head>\n<body><body.head><hedline><hl1>" + escape(headline(n)) + "</hl1></hedline>"
                + "<distributor>China Daily</distributor></body.head>\n<body.content>\n" + htmlParagraphs()
                + "</body.content></body></nitf>\n";
    }

    private String newsMl12(int n) {
        String time = published(n).format(ISO_BASIC);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NewsML Version=\"1.2\"><NewsEnvelope><DateAndTime>" + time
                + "</DateAndTime></NewsEnvelope>\n<NewsItem xml:lang=\"en\"><Identification><NewsIdentifier>"
                + "<ProviderId>ecns.cn</ProviderId><DateId>20150925</DateId><NewsItemId>xi-cyberspace-" + n + "</NewsItemId>"
                + "<RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId><PublicIdentifier>urn:newsml:ecns.cn:20150925:xi-cyberspace-"
                + n + ":1</PublicIdentifier></NewsIdentifier></Identification>\n<NewsManagement><NewsItemType FormalName=\"News\"/>"
                + "<FirstCreated>" + time + "</FirstCreated><ThisRevisionCreated>" + time + "</ThisRevisionCreated>"
                + "<Status FormalName=\"Usable\"/></NewsManagement>\n<NewsComponent><NewsLines><HeadLine>" + escape(headline(n))
                + "</HeadLine></NewsLines><DescriptiveMetadata><Language FormalName=\"en\"/>"
                + "<SubjectCode><Subject FormalName=\"11000000\"/></SubjectCode></DescriptiveMetadata>\n"
                + "<ContentItem><MediaType FormalName=\"Text\"/><Format FormalName=\"NITF3.1\"/><DataContent><nitf><body><body.content>\n"
                + htmlParagraphs() + "</body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>\n";
    }

    /** SOH, a header (number, priority, category, words), the keyword, STX, headline, tab-indented copy, ETX, EOT. */
    private String iptc7901(int n) {
        return "\u0001ecn" + String.format("%03d", n % 1000) + " 4 p " + paragraphs.size() * 40 + "\n\nXi-cyberspace-" + n + "\n\u0002"
                + headline(n) + "\n" + paragraphs.stream().map(p -> "\t" + p + "\n").collect(Collectors.joining()) + "\u0003\n\u0004";
    }

    /** SYN SYN SOH, the selector and sequence, priority/category line, STX, slug, ^-headline, tab-indented copy, ETX. */
    private String anpa1312(int n) {
        return "\u0016\u0016\u0001A" + String.format("%04d", n % 10000) + "\u001fecns\r\nr p\u0013\u0011 Xi-Cyberspace-" + n
                + "   09-25 0" + paragraphs.size() * 40 + "\r\n\u0002^BC-Xi-Cyberspace-" + n + ",0" + paragraphs.size() * 40 + "<\r\n^"
                + headline(n) + "<\r\n" + paragraphs.stream().map(p -> "\t   " + p + " \r\n").collect(Collectors.joining())
                + "\r\n\t   \u0003ECNS-WF-09-25-15 0034GMT<\r\n\u0004";
    }

    private String email(int n) {
        String time = published(n).format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
        return "From: China Daily Desk <desk@chinadaily.example>\r\nSubject: " + headline(n) + "\r\nDate: " + time
                + "\r\nMessage-ID: <xi-cyberspace-" + n + "@chinadaily.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + String.join("\r\n\r\n", paragraphs) + "\r\n";
    }

    private String wxr(int n) {
        String time = published(n).withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
                + "<title>ECNS</title><link>http://www.ecns.cn</link><language>en</language><wp:wxr_version>1.2</wp:wxr_version>\n"
                + "<item><title>" + escape(headline(n)) + "</title><link>http://www.ecns.cn/?p=" + n + "</link>"
                + "<dc:creator><![CDATA[wangfan]]></dc:creator><guid isPermaLink=\"false\">http://www.ecns.cn/?p=" + n + "</guid>\n"
                + "<content:encoded><![CDATA[" + String.join("\n\n", paragraphs) + "]]></content:encoded>\n"
                + "<wp:post_id>" + n + "</wp:post_id><wp:post_date_gmt><![CDATA[" + time + "]]></wp:post_date_gmt>"
                + "<wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type>"
                + "<category domain=\"category\" nicename=\"politics\"><![CDATA[Politics]]></category></item>\n</channel></rss>\n";
    }

    private String htmlParagraphs() {
        return paragraphs.stream().map(p -> "<p>" + escape(p) + "</p>\n").collect(Collectors.joining());
    }

    /** The copy of the fixture page: the blocks between the date line and "Related news", captions left out. */
    private static List<String> bodyParagraphs(String page) {
        List<String> body = new ArrayList<>();
        boolean inBody = false;
        for (String block : page.split("\n\\s*\n")) {
            String text = block.strip();
            if (text.startsWith("Related news")) {
                break;
            }
            if (text.contains("Editor: Wang Fan")) {
                inBody = true;
                continue;
            }
            if (inBody && !text.isEmpty() && !text.contains("(Photo by")) {
                body.add(text.replace(" [Special coverage]", ""));
            }
        }
        return List.copyOf(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
