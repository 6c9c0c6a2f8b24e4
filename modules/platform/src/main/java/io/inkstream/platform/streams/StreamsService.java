package io.inkstream.platform.streams;

import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service that is one Kafka Streams application and nothing else to start or stop: its lifecycle is its
 * {@link StreamsRunner}'s, with the service's one INFO line as it starts and stops (logged as the subclass).
 */
public abstract class StreamsService implements Service {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final StreamsRunner runner;

    protected StreamsService(String name, StreamsRunner runner) {
        this.name = name;
        this.runner = runner;
    }

    /** The running application, for what a service serves from its stores. */
    protected final StreamsRunner runner() {
        return runner;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public void start() {
        log.info("{} starting", name);
        runner.start();
    }

    @Override
    public final boolean ready() {
        return runner.ready();
    }

    @Override
    public final ServiceStatus status() {
        return runner.status();
    }

    @Override
    public void close() {
        runner.close();
        log.info("{} stopped", name);
    }
}
