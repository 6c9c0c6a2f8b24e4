package io.inkstream.popularity;

import io.inkstream.platform.http.HttpProblem;
import io.inkstream.popularity.rank.ArticleCount;
import io.inkstream.popularity.rank.ScopeRanking;
import io.inkstream.popularity.stream.StoreNames;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The popularity API: the top articles of a scope, and one article's counts, in the 24 hours ending
 * now; bad parameters answer 400 with a message.
 */
final class PopularityRoutes {

    static final int DEFAULT_LIMIT = 10;

    private final PopularityQueries queries;
    private final PopularityForwarding forwarding;

    PopularityRoutes(PopularityQueries queries, PopularityForwarding forwarding) {
        this.queries = queries;
        this.forwarding = forwarding;
    }

    void register(Javalin app) {
        app.get("/v1/popular", this::popular);
        app.get("/v1/popular/articles/{id}", this::article);
    }

    private void popular(Context ctx) {
        String scope = scope(ctx.queryParam("scope"));
        int limit = limit(ctx.queryParam("limit"));
        // A scope's ranking lives in one partition of the ranking stage (keyed by scope): its owner answers.
        if (forwarding.forwardedToOwner(ctx, StoreNames.SCOPE_INDEX, scope)) {
            return;
        }
        PopularityQueries.ScopeView view = queries.scope(scope, limit);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < view.entries().size(); i++) {
            ArticleCount c = view.entries().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rank", i + 1);
            entry.put("articleId", c.articleId());
            entry.put("views", c.views());
            entry.put("visitors", c.visitors());
            entry.put("headline", c.headline());
            entry.put("canonicalPath", c.canonicalPath());
            entry.put("section", c.section());
            entries.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", view.scope());
        body.put("windowStart", view.windowStart().toString());
        body.put("windowEnd", view.windowEnd().toString());
        body.put("computedAt", view.computedAt().toString());
        body.put("entries", entries);
        ctx.json(body);
    }

    private void article(Context ctx) {
        String id = ctx.pathParam("id");
        if (forwarding.forwardedToOwner(ctx, StoreNames.ARTICLE_VIEWS, id)) {
            return;
        }
        PopularityQueries.ArticleView view = queries.article(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("articleId", view.articleId());
        body.put("views", view.views());
        body.put("visitors", view.visitors());
        body.put("windowStart", view.windowStart().toString());
        body.put("windowEnd", view.windowEnd().toString());
        ctx.json(body);
    }

    /** Scopes are "all" or a section in lower case, as on popularity.top24h. */
    static String scope(String raw) {
        if (raw == null || raw.isBlank()) {
            return "all";
        }
        if (raw.length() > 100) {
            throw new HttpProblem(400, "bad-scope", "scope must be at most 100 characters");
        }
        return raw.trim().toLowerCase(Locale.ROOT);
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "bad-limit", "limit must be a whole number between 1 and " + ScopeRanking.MAX_ENTRIES);
        }
        if (limit < 1 || limit > ScopeRanking.MAX_ENTRIES) {
            throw new HttpProblem(400, "bad-limit", "limit must be between 1 and " + ScopeRanking.MAX_ENTRIES + ", not " + limit);
        }
        return limit;
    }
}
