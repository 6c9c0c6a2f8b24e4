package io.inkstream.popularity;

import io.inkstream.platform.ServiceStatus;
import io.inkstream.platform.http.HttpProblem;
import io.inkstream.platform.streams.StreamsRunner;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Interactive queries on N instances: a query for a key (an article id, a scope) is answered here when this
 * instance holds the key's partition, and otherwise forwarded over HTTP to the instance that does (the owner that
 * Kafka Streams' {@code queryMetadataForKey} names from the instances' {@code application.server}), whose answer
 * is passed on as it is. While the group is rebalancing there is no owner: 503 with Retry-After. A forwarded query
 * is never forwarded again (the owner moved meanwhile: 503 too), and the owner has
 * {@link PopularityConfig#forwardTimeout()} to answer.
 */
final class PopularityForwarding {

    /** Set on a forwarded query, to the instance that forwarded it. */
    static final String FORWARDED_BY = "X-Inkstream-Forwarded-By";
    /** Set on every answer that went through forwarding, to the instance that answered. */
    static final String ANSWERED_BY = "X-Inkstream-Answered-By";

    private final StreamsRunner runner;
    private final Optional<URI> self;
    private final Optional<HostInfo> selfHost;
    private final Duration timeout;
    private final HttpClient http;

    PopularityForwarding(StreamsRunner runner, PopularityConfig config) {
        this.runner = runner;
        this.self = config.advertisedUrl();
        this.selfHost = self.map(PopularityForwarding::hostInfo);
        this.timeout = config.forwardTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The {@code application.server} value of this instance, when it has an advertised URL. */
    static HostInfo hostInfo(URI url) {
        return new HostInfo(url.getHost(), url.getPort());
    }

    /**
     * True when another instance holds {@code key} of {@code store} and the request was handed to it (the answer is
     * written to {@code ctx} when it arrives); false when this instance answers itself.
     */
    boolean forwardedToOwner(Context ctx, String store, String key) {
        if (selfHost.isEmpty()) {
            return false; // no application.server: one instance, which holds everything
        }
        ServiceStatus status = runner.status();
        if (!status.up()) {
            throw PopularityQueries.unavailable(status);
        }
        KeyQueryMetadata owner;
        try {
            owner = runner.streams().queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (RuntimeException e) { // the app left RUNNING meanwhile (StreamsNotStartedException, ...)
            throw PopularityQueries.unavailable(runner.status());
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost() == null
                || owner.activeHost().port() < 0) {
            throw HttpProblem.unavailable("rebalancing", "no popularity instance holds '" + key
                    + "' now (its group is assigning work); retry shortly");
        }
        HostInfo active = owner.activeHost();
        if (active.equals(selfHost.get())) {
            return false;
        }
        if (ctx.header(FORWARDED_BY) != null) {
            throw HttpProblem.unavailable("moving", "this popularity instance was asked for '" + key
                    + "' by " + ctx.header(FORWARDED_BY) + " but " + active + " holds it (tasks are moving); retry shortly");
        }
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        URI target = URI.create(self.get().getScheme() + "://" + hostPort(active) + ctx.path() + query);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).header(FORWARDED_BY, hostPort(selfHost.get()))
                .header("Accept", "application/json").GET().build();
        ctx.future(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw new CompletionException(HttpProblem.unavailable("owner-unreachable",
                                "the popularity instance holding '" + key + "' (" + hostPort(active) + ") did not answer"
                                        + (cause instanceof HttpTimeoutException ? " within " + timeout.toMillis() + " ms" : "")
                                        + "; retry shortly"));
                    }
                    ctx.status(response.statusCode());
                    response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
                    response.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
                    ctx.header(ANSWERED_BY, hostPort(active));
                    ctx.result(response.body());
                    return null;
                }));
        return true;
    }

    private static String hostPort(HostInfo host) {
        return (host.host().contains(":") ? "[" + host.host() + "]" : host.host()) + ":" + host.port();
    }
}
