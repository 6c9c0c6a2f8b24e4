package io.inkstream.renderer.partner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The push loops of this instance: one {@link PushDelivery} per push partner, started once the registry and the
 * log are loaded (so each resumes at its committed position), replaced when the partner changes, stopped when it
 * is removed.
 */
public final class PushDeliveries implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushDeliveries.class);

    private final PartnerRegistry partners;
    private final VersionLog versions;
    private final PartnerRecords records;
    private final PushDelivery.Policy policy;
    private final Clock clock;
    private final Runnable delivered;
    private final HttpClient http;
    private final Map<String, PushDelivery> loops = new HashMap<>();
    private boolean started;
    private boolean closed;

    public PushDeliveries(PartnerRegistry partners, VersionLog versions, PartnerRecords records,
                          PushDelivery.Policy policy, Clock clock, Runnable delivered) {
        this.partners = partners;
        this.versions = versions;
        this.records = records;
        this.policy = policy;
        this.clock = clock;
        this.delivered = delivered;
        this.http = HttpClient.newBuilder().connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        partners.onChange(this::changed);
    }

    /** Starts a loop for every push partner (once loaded). */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        for (Partner p : partners.all()) {
            changed(p.id(), p);
        }
        log.info("pushing to {} partners", loops.size());
    }

    private synchronized void changed(String id, Partner partner) {
        if (!started || closed) {
            return;
        }
        PushDelivery old = loops.remove(id);
        if (old != null) {
            old.close();
        }
        if (partner != null && partner.pushed()) {
            long from = partners.pushPosition(id).orElse(versions.start());
            PushDelivery loop = new PushDelivery(partner, from, versions, records, policy, http, clock, delivered);
            loops.put(id, loop);
            loop.start();
        }
    }

    public synchronized int running() {
        return loops.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        loops.values().forEach(PushDelivery::close);
        loops.clear();
    }

}
