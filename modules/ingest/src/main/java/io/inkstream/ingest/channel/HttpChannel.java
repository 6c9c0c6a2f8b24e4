package io.inkstream.ingest.channel;

import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.ingest.ParseOutcome;
import io.inkstream.ingest.ReceivedBytes;
import io.inkstream.ingest.WireItemParser;
import io.inkstream.ingest.WireItems;
import io.inkstream.platform.http.HttpProblem;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * HTTP push: {@code POST /v1/items} stores the item on wire.received and answers 202 with
 * the item and article ids once the broker acknowledged it; an item that cannot be read is
 * still stored but answered 4xx with the reason (415 unknown format, 413 too large, 422
 * unreadable or incomplete), from the same parser the stream uses. A zip or tar body is a
 * batch: each file in it is an item, answered file by file.
 */
public final class HttpChannel {

    public static final String FEED = "http";
    /** Most files one zip or tar upload may hold. */
    static final int MAX_BATCH_ENTRIES = 1000;

    private static final Logger log = LoggerFactory.getLogger(HttpChannel.class);

    private final WireItems wireItems;
    private final WireItemParser parser;
    private final WireItemWriter writer;
    private final String apiKey;
    private final Predicate<Article> isDuplicate;
    private final Clock clock;

    /**
     * @param apiKey      required X-Api-Key value, or null for none
     * @param isDuplicate best-effort check whether a draft repeats the article's latest version
     */
    public HttpChannel(WireItems wireItems, WireItemParser parser, WireItemWriter writer, String apiKey,
                       Predicate<Article> isDuplicate, Clock clock) {
        this.wireItems = wireItems;
        this.parser = parser;
        this.writer = writer;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.isDuplicate = isDuplicate;
        this.clock = clock;
    }

    /** Handles one POST /v1/items. */
    public void handle(Context ctx) {
        if (apiKey != null && !keyMatches(ctx.header("X-Api-Key"))) {
            throw new HttpProblem(401, "unauthorized", "A valid X-Api-Key header is required.");
        }
        if (apiKey == null && !fromThisMachine(ctx.req().getRemoteAddr())) {
            throw new HttpProblem(403, "forbidden", "No ingest.api.key is configured, so POST /v1/items only accepts requests"
                    + " from this machine; set INGEST_API_KEY to accept items from other hosts.");
        }
        Archive.Kind archive = Archive.Kind.of(ctx.contentType());
        ReceivedBytes body;
        try {
            // read the stream ourselves: an oversized item is kept truncated, not refused unread
            body = ReceivedBytes.read(ctx.req().getInputStream(), archive == null ? wireItems.maxItemBytes() : maxArchiveBytes());
        } catch (IOException e) {
            throw new HttpProblem(400, "unreadable", "The request body could not be read: " + e.getMessage());
        }
        if (body.size() == 0) {
            throw new HttpProblem(400, "empty", "The request body is empty; send the wire item as the body.");
        }
        if (archive != null) {
            handleBatch(ctx, archive, body);
            return;
        }
        WireItem item = wireItems.receive(body, FEED, Channel.HTTP, ctx.queryParam("format"), ctx.contentType(),
                ctx.queryParam("filename"), null, clock.instant());
        try {
            writer.write(item);
        } catch (WireItemWriter.WriteFailedException e) {
            log.warn("item not stored: {}", e.getMessage());
            throw new HttpProblem(503, "unavailable", "The item could not be stored (" + e.getMessage() + "); retry later.",
                    WireItemWriter.RETRY_AFTER);
        }
        // the same pure parser the stream runs, so this answer is what the stream does with the item
        ParseOutcome outcome = parser.parse(item, clock.instant());
        if (outcome.isRejected()) {
            WireRejection first = outcome.rejection();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("itemId", item.getItemId());
            if (outcome.entries().size() > 1) {
                details.putAll(entries(outcome));
            }
            throw new HttpProblem(status(first.getCode()), first.getCode(), first.getReason(), details);
        }
        ctx.status(202).json(accepted(item, outcome));
    }

    /**
     * A zip or tar upload: each file is an item of its own, answered 202 with one line per file
     * (its item and article ids, or its error). An archive over the bounds or unreadable is
     * refused whole before any file is stored.
     */
    private void handleBatch(Context ctx, Archive.Kind kind, ReceivedBytes body) {
        if (body.truncated()) {
            throw new HttpProblem(413, "too-large", "The archive is " + body.size() + " bytes, over the limit of "
                    + maxArchiveBytes() + " bytes.");
        }
        List<Archive.File> files;
        try {
            files = Archive.read(kind, body.kept(), MAX_BATCH_ENTRIES, wireItems.maxItemBytes());
        } catch (Archive.ArchiveException e) {
            throw new HttpProblem(e.status, e.code, e.getMessage());
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        int rejected = 0;
        for (Archive.File file : files) {
            WireItem item = wireItems.receive(file.bytes(), FEED, Channel.HTTP, ctx.queryParam("format"), null,
                    file.name(), null, clock.instant());
            try {
                writer.write(item);
            } catch (WireItemWriter.WriteFailedException e) {
                log.warn("batch stopped at {}: {}", file.name(), e.getMessage());
                throw new HttpProblem(503, "unavailable", "Stopped at " + file.name() + ", which could not be stored ("
                        + e.getMessage() + "); the files listed were stored, retry the rest later.", Map.of("files", answers),
                        WireItemWriter.RETRY_AFTER);
            }
            ParseOutcome outcome = parser.parse(item, clock.instant());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("filename", file.name());
            if (outcome.isRejected()) {
                rejected++;
                answer.put("itemId", item.getItemId());
                answer.put("error", outcome.rejection().getCode());
                answer.put("message", outcome.rejection().getReason());
                if (outcome.entries().size() > 1) {
                    answer.putAll(entries(outcome));
                }
            } else {
                answer.putAll(accepted(item, outcome));
            }
            answers.add(answer);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("files", answers);
        answer.put("accepted", files.size() - rejected);
        answer.put("rejected", rejected);
        ctx.status(202).json(answer);
    }

    /** The files' limit plus room for each entry's header and padding (a tar pads every file to 512 bytes). */
    private long maxArchiveBytes() {
        return wireItems.maxItemBytes() + MAX_BATCH_ENTRIES * 2048L;
    }

    private Map<String, Object> accepted(WireItem item, ParseOutcome outcome) {
        List<String> articleIds = outcome.drafts().stream().map(Article::getId).distinct().toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("itemId", item.getItemId());
        answer.put("articleId", articleIds.get(0));
        if (articleIds.size() > 1) {
            answer.put("articleIds", articleIds);
        }
        answer.put("format", outcome.format());
        answer.put("duplicate", outcome.drafts().stream().allMatch(isDuplicate));
        if (outcome.entries().size() > 1) {
            answer.putAll(entries(outcome));
        }
        return answer;
    }

    /**
     * Each entry of a file of several items, in the file's order: its article (and whether it
     * repeats its latest version) or its refusal; then how many were accepted and refused.
     */
    private Map<String, Object> entries(ParseOutcome outcome) {
        List<Map<String, Object>> entries = new ArrayList<>();
        int refused = 0;
        for (ParseOutcome.Entry e : outcome.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("entry", e.label());
            if (e.isRejected()) {
                refused++;
                entry.put("error", e.rejection().getCode());
                entry.put("message", e.rejection().getReason());
            } else {
                entry.put("articleId", e.draft().getId());
                entry.put("type", e.draft().getType().toString());
                entry.put("headline", e.draft().getHeadline());
                entry.put("duplicate", isDuplicate.test(e.draft()));
            }
            entries.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entries", entries);
        answer.put("accepted", entries.size() - refused);
        answer.put("rejected", refused);
        return answer;
    }

    private static int status(String rejectionCode) {
        return switch (rejectionCode) {
            case "too-large" -> 413;
            case "unknown-format" -> 415;
            default -> 422;
        };
    }

    /** Without an API key ingest is local-only: only loopback callers may push items. */
    static boolean fromThisMachine(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        try {
            // a literal address from the socket: no name lookup happens
            return java.net.InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private boolean keyMatches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
