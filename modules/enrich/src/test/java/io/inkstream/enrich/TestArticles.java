package io.inkstream.enrich;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.MediaItem;
import io.inkstream.events.Provenance;
import io.inkstream.events.PubStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Articles for tests: a plain builder and the fixture page's article as ingest would hand it over. */
public final class TestArticles {

    public static final String FIXTURE_ID = "urn:inkstream:article:3f2a9c1d7b";
    public static final Instant FIXTURE_PUBLISHED = Instant.parse("2015-09-25T00:34:00Z"); // 08:34 in Beijing

    private TestArticles() {
    }

    public static Article.Builder article(String id, String headline, String... paragraphs) {
        Instant at = Instant.parse("2015-09-25T00:00:00Z");
        return Article.newBuilder()
                .setId(id)
                .setVersion(1)
                .setVersionCreated(at)
                .setFirstCreated(at)
                .setPubStatus(PubStatus.usable)
                .setType(ContentType.text)
                .setHeadline(headline)
                .setPublishedAt(at)
                .setPublishedOffset("Asia/Shanghai")
                .setParagraphs(Arrays.asList(paragraphs))
                .setProvenance(Provenance.newBuilder()
                        .setFeed("test").setFormat("test").setRawItemId("raw-" + id).setContentHash("hash-" + id)
                        .build());
    }

    /** The ecns.cn page about Xi Jinping and cyberspace talks: body paragraphs without page chrome. */
    public static Article.Builder fixture() {
        String caption = "Chinese President Xi Jinping talks with tech executives at 8th U.S.-China Internet "
                + "Industry Forum in Seattle, Sept 23, 2015.";
        return article(FIXTURE_ID, "Xi urges constructive cyberspace talks", fixtureParagraphs().toArray(String[]::new))
                .setSection("Politics")
                .setSourceAgency("China Daily")
                .setEditor("Wang Fan")
                .setPublishedAt(FIXTURE_PUBLISHED)
                .setMedia(List.of(MediaItem.newBuilder()
                        .setType(ContentType.picture)
                        .setCaption(caption)
                        .setCredit("Lao Jiang/Provided to chinadaily.com.cn")
                        .build()));
    }

    /** The body paragraphs of the fixture page: between the photo caption and "Related news". */
    public static List<String> fixtureParagraphs() {
        String[] lines = fixturePage().split("\n");
        List<String> paragraphs = new ArrayList<>();
        boolean inBody = false;
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("President Xi Jinping called")) {
                inBody = true;
            }
            if (text.equals("Related news")) {
                break;
            }
            if (inBody && !text.isEmpty()) {
                paragraphs.add(text.replace(" [Special coverage]", ""));
            }
        }
        return paragraphs;
    }

    public static String fixturePage() {
        try (InputStream in = TestArticles.class.getResourceAsStream("/fixtures/ecns-page-xi-cyberspace.txt")) {
            if (in == null) {
                throw new IllegalStateException("fixture page missing from the testkit resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
