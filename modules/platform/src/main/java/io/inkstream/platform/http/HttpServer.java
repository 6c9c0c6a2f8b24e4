package io.inkstream.platform.http;

import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceStatus;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The one HTTP server of a process: every service's routes, plus {@code /health} (live and
 * ready) and {@code /metrics} (Prometheus). Errors are mapped to JSON bodies in one place.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts the server on host:port (0 picks a free port).
     *
     * @throws IllegalStateException with a clear message when the port is taken
     */
    public static HttpServer start(String host, int port, List<? extends Service> services,
                                   PrometheusMeterRegistry meters) {
        if (port != 0) {
            requireFree(host, port);
        }
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.maxRequestSize = 12L * 1024 * 1024;
            config.jetty.modifyServletContextHandler(HeadAsGet::install);
        });
        app.exception(HttpProblem.class, (e, ctx) -> problem(e, ctx));
        app.exception(CompletionException.class, (e, ctx) -> {
            // a future given to ctx.future() that failed: the cause is what the handler meant
            if (e.getCause() instanceof HttpProblem problem) {
                problem(problem, ctx);
            } else {
                log.error("request {} {} failed", ctx.method(), ctx.path(), e.getCause());
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal",
                        "message", "internal error: " + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName()));
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(Map.of("error", "internal", "message", "internal error: " + e.getClass().getSimpleName()));
        });
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", ctx -> health(ctx, services));
        app.get("/health", ctx -> health(ctx, services));
        if (meters != null) {
            app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
        }
        for (Service service : services) {
            service.routes(app);
        }
        // Javalin tries routes in the order they were added: catch-alls go last.
        for (Service service : services) {
            service.fallbackRoutes(app);
        }
        app.start(host, port);
        log.debug("HTTP server on {}:{}", host, app.port());
        return new HttpServer(app);
    }

    private static void health(Context ctx, List<? extends Service> services) {
        Map<String, Object> body = readiness(services);
        boolean up = ServiceStatus.UP.equals(body.get("status"));
        if (!up) {
            ctx.header("Retry-After", HttpProblem.retryAfterSeconds(HttpProblem.DEFAULT_RETRY_AFTER));
        }
        ctx.status(up ? 200 : 503).json(body);
    }

    private static void problem(HttpProblem e, Context ctx) {
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", HttpProblem.retryAfterSeconds(e.retryAfter()));
        }
        ctx.status(e.status()).json(e.body());
    }

    /**
     * UP only when every service processes; otherwise the most telling state among them (RESTORING, then
     * REBALANCING, then any other), each service's state, and the progress of those recovering.
     */
    static Map<String, Object> readiness(List<? extends Service> services) {
        Map<String, String> each = new LinkedHashMap<>();
        Map<String, Object> progress = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Service s : services) {
            Map<String, Object> detail = s.details();
            if (!detail.isEmpty()) {
                details.put(s.name(), detail);
            }
            if (s.ready()) {
                each.put(s.name(), ServiceStatus.UP);
                continue;
            }
            ServiceStatus status = s.status();
            each.put(s.name(), status.up() ? ServiceStatus.STARTING : status.state()); // not ready is never UP
            if (!status.progress().isEmpty()) {
                progress.put(s.name(), status.progress());
            }
        }
        String overall = each.values().stream().allMatch(ServiceStatus.UP::equals) ? ServiceStatus.UP
                : each.containsValue(ServiceStatus.RESTORING) ? ServiceStatus.RESTORING
                : each.containsValue(ServiceStatus.REBALANCING) ? ServiceStatus.REBALANCING
                : each.values().stream().filter(v -> !ServiceStatus.UP.equals(v)).findFirst().orElse(ServiceStatus.STARTING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", overall);
        body.put("services", each);
        if (!progress.isEmpty()) {
            body.put("progress", progress);
        }
        if (!details.isEmpty()) {
            body.put("instance", details);
        }
        return body;
    }

    /** Fails with a clear message when host:port is taken (checked before anything else starts). */
    public static void requireFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP port " + port + " on " + host
                    + " is already in use; stop what is using it or choose another with --port / INKSTREAM_HTTP_PORT");
        }
    }

    public int port() {
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
