package io.inkstream.bench.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Generated IPTC ninjs wire stories, each distinct (own uri, own headline, own words) so that none is a
 * duplicate of another and each becomes a new article with its own page.
 */
final class WireItems {

    private static final String[] SECTIONS = {"Politics", "Business", "Society", "Culture", "Sci-tech", "Sports"};
    private static final String[] WORDS = ("council minister harbour railway budget festival museum court election "
            + "market factory river bridge school hospital summit treaty drought harvest satellite startup league "
            + "stadium orchestra exhibition province mayor senate tariff export import currency reservoir forest "
            + "university laboratory vaccine airline port tunnel highway village coastline typhoon earthquake pension "
            + "rescue volunteer parade library archive satellite robot battery solar turbine pipeline reform inquiry "
            + "verdict strike union ceasefire embassy delegation research festival novel painter composer champion "
            + "coach marathon referee ministry agency regulator investor bank lender insurer grid refinery").split(" ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run;
    private final SplittableRandom random;

    WireItems(String run, long seed) {
        this.run = run;
        this.random = new SplittableRandom(seed);
    }

    /** The n-th story of this run, published now. */
    String item(int n) {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(8));
        ObjectNode item = JSON.createObjectNode();
        item.put("uri", "urn:bench:stack:" + run + ":" + n);
        item.put("type", "text");
        item.put("version", "1");
        item.put("pubstatus", "usable");
        item.put("language", "en");
        item.put("section", section(n));
        item.put("headline", capitalized(words(6)) + " " + run + "-" + n);
        item.put("by", "Bench Reporter");
        item.put("copyrightholder", "Bench Wire");
        item.put("firstcreated", now.toString());
        item.put("versioncreated", now.toString());
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 5; p++) {
            body.append(capitalized(words(25 + random.nextInt(20)))).append(".\n\n");
        }
        item.put("body_text", body.toString().trim());
        return item.toString();
    }

    /** The section of the n-th story, as its ninjs names it. */
    static String section(int n) {
        return SECTIONS[n % SECTIONS.length];
    }

    private String words(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
