package io.inkstream.renderer.partner;

import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.renderer.syndication.SyndicationFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One partner's push loop, on its own thread, so a partner that is down holds up only itself. It delivers the
 * versions of syndication.versions that the partner's filter lets through, in log order (so in order per
 * article), one at a time: each is POSTed until it is answered 2xx, with exponential backoff and jitter
 * between attempts; after the last attempt it goes to syndication.dead-letters with the reason. The position
 * after it is committed to syndication.state only then (at least once; the Idempotency-Key makes it once for a
 * receiver that keeps keys). Headers: see {@link #send}.
 */
public final class PushDelivery implements AutoCloseable {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String PARTNER_HEADER = "X-Inkstream-Partner";
    public static final String EVENT_HEADER = "X-Inkstream-Event";

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    private static final Duration IDLE = Duration.ofMillis(500);

    /** The retry policy: attempts, the first wait, the longest wait, one attempt's timeout. */
    public record Policy(int maxAttempts, Duration backoff, Duration maxBackoff, Duration timeout) {
    }

    private final Partner partner;
    private final SyndicationFormat format;
    private final VersionLog versions;
    private final PartnerRecords records;
    private final Policy policy;
    private final HttpClient http;
    private final Clock clock;
    private final Runnable delivered;
    private final Thread thread;
    private volatile boolean running = true;
    private long position;

    /** @param delivered called after each version the partner acknowledged (a metric's hook) */
    public PushDelivery(Partner partner, long position, VersionLog versions, PartnerRecords records, Policy policy,
                        HttpClient http, Clock clock, Runnable delivered) {
        this.partner = partner;
        this.format = SyndicationFormat.byId(partner.format());
        this.position = position;
        this.versions = versions;
        this.records = records;
        this.policy = policy;
        this.http = http;
        this.clock = clock;
        this.delivered = delivered;
        this.thread = new Thread(this::run, "renderer-push-" + partner.id());
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long committed = position;
        try {
            while (running) {
                VersionLog.Entry entry = versions.next(position, IDLE);
                if (entry == null) {
                    if (committed != position) {
                        records.position(PartnerRegistry.pushKey(partner.id()), position);
                        committed = position;
                    }
                    continue;
                }
                if (partner.filter().matches(entry.article())) {
                    if (!deliver(entry)) {
                        return; // closed while retrying: the position stays before this version
                    }
                    position = entry.offset() + 1;
                    // Not waited for: lost on a crash, the version is pushed again under the same Idempotency-Key.
                    records.position(PartnerRegistry.pushKey(partner.id()), position);
                    committed = position;
                    delivered.run();
                } else {
                    position = entry.offset() + 1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("push loop of partner {} stopped at {}", partner.id(), position, e);
        }
    }

    /** True once delivered or dead-lettered; false when closed first. */
    private boolean deliver(VersionLog.Entry entry) throws InterruptedException {
        PublishedArticle article = entry.article();
        byte[] body = format.render(article);
        String reason = "";
        for (int attempt = 1; attempt <= policy.maxAttempts() && running; attempt++) {
            try {
                HttpResponse<Void> answer = http.send(send(article, body), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 == 2) {
                    return true;
                }
                reason = "HTTP " + answer.statusCode();
            } catch (IOException e) {
                reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            log.debug("push {} {}:{} attempt {} failed: {}", partner.id(), article.getId(), article.getVersion(), attempt, reason);
            if (attempt < policy.maxAttempts()) {
                sleep(backoff(attempt));
            }
        }
        if (!running) {
            return false;
        }
        log.warn("push to partner {} gave up on {}:{} after {} attempts: {}", partner.id(), article.getId(),
                article.getVersion(), policy.maxAttempts(), reason);
        PartnerRecords.DeadLetter letter = new PartnerRecords.DeadLetter(partner.id(), article.getId(), article.getVersion(),
                entry.offset(), policy.maxAttempts(), reason, clock.instant());
        while (running) {
            try {
                records.deadLetter(letter).join();
                return true;
            } catch (RuntimeException e) {
                log.warn("cannot write the dead letter of partner {} yet: {}", partner.id(), e.toString());
                sleep(policy.backoff());
            }
        }
        return false;
    }

    /**
     * The POST of one version: the format's content type, {@code X-Inkstream-Signature: t=…,v1=…}
     * ({@link PushSignature}), {@code Idempotency-Key: <articleId>:<version>}, {@code X-Inkstream-Partner},
     * and {@code X-Inkstream-Event}: {@code version} or {@code kill}.
     */
    private HttpRequest send(PublishedArticle article, byte[] body) {
        long t = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(partner.delivery().url()))
                .timeout(policy.timeout())
                .header("Content-Type", format.contentType())
                .header(PushSignature.HEADER, PushSignature.header(partner.delivery().secret(), t, body))
                .header(IDEMPOTENCY_KEY, article.getId() + ":" + article.getVersion())
                .header(PARTNER_HEADER, partner.id())
                .header(EVENT_HEADER, article.getPubStatus() == PubStatus.canceled ? "kill" : "version")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Jitter: a random wait between half and all of backoff × 2^(attempt-1), itself at most the longest wait. */
    private Duration backoff(int attempt) {
        long cap = policy.maxBackoff().toMillis();
        long ceiling = Math.min(cap, policy.backoff().toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private void sleep(Duration d) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(d.toMillis());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
