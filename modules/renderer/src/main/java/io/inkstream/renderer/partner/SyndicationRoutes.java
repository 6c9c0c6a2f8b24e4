package io.inkstream.renderer.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.inkstream.events.PublishedArticle;
import io.inkstream.platform.http.HttpProblem;
import io.inkstream.renderer.http.LoadingGate;
import io.inkstream.renderer.syndication.SyndicationFormat;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;

/**
 * The partners' HTTP surface: the pull feed ({@code GET /syndication/v1/feed}) and the admin API
 * ({@code /syndication/v1/admin/partners}). See the README, For syndication partners.
 */
public final class SyndicationRoutes {

    public static final String FEED = "/syndication/v1/feed";
    public static final String ADMIN_PARTNERS = "/syndication/v1/admin/partners";
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_WAIT_SECONDS = 15;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerRegistry partners;
    private final VersionLog versions;
    private final PartnerRecords records;
    private final PullRate rate;
    private final String adminToken;
    private final Clock clock;
    private final BooleanSupplier loaded;

    public SyndicationRoutes(PartnerRegistry partners, VersionLog versions, PartnerRecords records, PullRate rate,
                             String adminToken, Clock clock, BooleanSupplier loaded) {
        this.partners = partners;
        this.versions = versions;
        this.records = records;
        this.rate = rate;
        this.adminToken = adminToken;
        this.clock = clock;
        this.loaded = loaded;
    }

    public void register(Javalin app) {
        app.get(FEED, whenLoaded(this::feed));
        app.get(ADMIN_PARTNERS, admin(this::list));
        app.post(ADMIN_PARTNERS, admin(this::add));
        app.delete(ADMIN_PARTNERS + "/{id}", admin(this::remove));
    }

    private Handler whenLoaded(Handler handler) {
        return LoadingGate.whenLoaded(loaded, "the feed is loading after a start; retry shortly", handler);
    }

    // ---- the feed

    private void feed(Context ctx) {
        String key = ctx.header("x-api-key");
        if (key == null || key.isBlank()) {
            throw new HttpProblem(401, "missing_api_key", "send your API key in the x-api-key header");
        }
        Partner partner = partners.byKey(key).orElseThrow(() ->
                new HttpProblem(401, "bad_api_key", "this API key is not a partner's (removed, or mistyped)"));
        Duration wait = rate.acquire(partner);
        if (!wait.isZero()) {
            throw new HttpProblem(429, "rate_limited", "more than your rate of feed requests per minute; slow down",
                    Map.of("partner", partner.id()), wait);
        }
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int waitSeconds = intParam(ctx, "wait", 0, 0, MAX_WAIT_SECONDS);
        String cursor = ctx.queryParam("cursor");
        long from;
        if (cursor != null && !cursor.isBlank()) {
            try {
                from = FeedCursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                throw new HttpProblem(400, "bad_cursor", e.getMessage());
            }
            // The partner has everything before its cursor: remember it for a request without one.
            if (partners.pullPosition(partner.id()).map(p -> p < from).orElse(true)) {
                partners.applyPosition(PartnerRegistry.pullKey(partner.id()), from);
                records.position(PartnerRegistry.pullKey(partner.id()), from);
            }
        } else {
            from = partners.pullPosition(partner.id()).orElse(versions.start());
        }
        SyndicationFormat format = SyndicationFormat.byId(partner.format());
        VersionLog.Page page = versions.page(from, limit, partner.filter());
        if (!page.entries().isEmpty() || waitSeconds == 0) {
            answer(ctx, partner, format, from, page);
            return;
        }
        // Long poll: no thread waits; the log completes the future when a version arrives, or the timeout does.
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        ctx.future(() -> poll(partner, page.next(), limit, deadline).thenAccept(p -> answer(ctx, partner, format, from, p)));
    }

    private CompletableFuture<VersionLog.Page> poll(Partner partner, long from, int limit, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.completedFuture(versions.page(from, limit, partner.filter()));
        }
        return versions.arrival(from, Duration.ofNanos(left)).thenCompose(arrived -> {
            VersionLog.Page p = versions.page(from, limit, partner.filter());
            // A version the filter keeps out wakes the poll too: wait on from the end of what was looked at.
            return !arrived || !p.entries().isEmpty() ? CompletableFuture.completedFuture(p) : poll(partner, p.next(), limit, deadline);
        });
    }

    private void answer(Context ctx, Partner partner, SyndicationFormat format, long from, VersionLog.Page page) {
        boolean json = format.contentType().contains("json");
        ObjectNode body = JSON.createObjectNode();
        body.put("partner", partner.id());
        body.put("format", format.id());
        body.put("cursor", FeedCursor.encode(from));
        body.put("next", FeedCursor.encode(page.next()));
        // Versions before the oldest kept have left the log (retention): say so rather than skip them silently.
        body.put("gap", from < versions.start() && versions.start() > 0);
        ArrayNode items = body.putArray("items");
        for (VersionLog.Entry e : page.entries()) {
            PublishedArticle a = e.article();
            ObjectNode item = items.addObject();
            item.put("id", a.getId());
            item.put("version", a.getVersion());
            item.put("pubstatus", a.getPubStatus().name());
            item.put("cursor", FeedCursor.encode(e.offset() + 1));
            item.put("contentType", format.contentType());
            String document = new String(format.render(a), StandardCharsets.UTF_8);
            if (json) {
                item.putRawValue("document", new RawValue(document));
            } else {
                item.put("document", document);
            }
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + HexFormat.of().formatHex(ApiKeys.sha256(bytes), 0, 16) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("Vary", "Accept-Encoding, x-api-key");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && List.of(ifNoneMatch.split(",")).stream().map(String::strip).anyMatch(etag::equals)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json");
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzip(bytes));
        } else {
            ctx.result(bytes);
        }
    }

    // ---- admin

    private Handler admin(Handler handler) {
        return ctx -> {
            String auth = ctx.header("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new HttpProblem(401, "missing_token", "send the admin token as Authorization: Bearer <token>");
            }
            if (adminToken == null) {
                throw new HttpProblem(403, "admin_disabled",
                        "the partner admin API is off: set inkstream.syndication.admin-token to use it");
            }
            if (!MessageDigest.isEqual(ApiKeys.sha256(auth.substring(7).strip().getBytes(StandardCharsets.UTF_8)),
                    ApiKeys.sha256(adminToken.getBytes(StandardCharsets.UTF_8)))) {
                throw new HttpProblem(403, "bad_token", "this token may not manage partners");
            }
            handler.handle(ctx);
        };
    }

    private void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        partners.all().forEach(p -> out.add(p.publicView()));
        ctx.json(Map.of("partners", out));
    }

    private void add(Context ctx) {
        NewPartner.Made made;
        try {
            NewPartner spec = JSON.readValue(ctx.bodyAsBytes(), NewPartner.class);
            made = spec.make(clock.instant());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new HttpProblem(400, "bad_partner", e.getMessage());
        }
        if (partners.byId(made.partner().id()).isPresent()) {
            throw new HttpProblem(409, "partner_exists", "partner " + made.partner().id() + " exists; remove it first");
        }
        ctx.future(() -> records.put(made.partner()).handle((ok, error) -> {
            if (error != null) {
                throw HttpProblem.unavailable("unavailable", "the partner could not be stored now; retry later");
            }
            partners.apply(made.partner().id(), made.partner());
            Map<String, Object> out = new LinkedHashMap<>(made.partner().publicView());
            out.put("apiKey", made.apiKey());
            if (made.secret() != null) {
                out.put("secret", made.secret());
            }
            ctx.status(201).json(out);
            return null;
        }));
    }

    private void remove(Context ctx) {
        String id = ctx.pathParam("id");
        if (partners.byId(id).isEmpty()) {
            throw new HttpProblem(404, "no_partner", "no partner " + id);
        }
        ctx.future(() -> records.remove(id).handle((ok, error) -> {
            if (error != null) {
                throw HttpProblem.unavailable("unavailable", "the partner could not be removed now; retry later");
            }
            partners.apply(id, null);
            ctx.status(204);
            return null;
        }));
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpProblem(400, "bad_" + name, name + " must be a whole number from " + min + " to " + max);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
