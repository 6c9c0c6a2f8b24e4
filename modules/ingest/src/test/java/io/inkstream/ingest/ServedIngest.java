package io.inkstream.ingest;

import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;

import java.net.URI;
import java.util.List;

/**
 * An {@link IngestService} started with its routes on an HTTP server of its own, as the tests of the push
 * channel need it (against the test kit's cluster, or none); closed server first, then the service.
 */
record ServedIngest(IngestService service, HttpServer server) implements AutoCloseable {

    static ServedIngest start(ServiceContext context) {
        IngestService ingest = new IngestService(context);
        ingest.start();
        return new ServedIngest(ingest, HttpServer.start("127.0.0.1", 0, List.of(ingest), null));
    }

    /** The push endpoint, {@code POST /v1/items}. */
    URI items() {
        return URI.create("http://127.0.0.1:" + server.port() + "/v1/items");
    }

    @Override
    public void close() {
        server.close();
        service.close();
    }
}
