package io.inkstream.registry;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One registry server for a test class, on the module's shared broker with a fresh schemas
 * topic: started when the class's static fields are set, closed after its last test.
 * Use as {@code @RegisterExtension static final RegistryUnderTest registry = new RegistryUnderTest();}.
 *
 * <p>{@link #confluentCompatible()} is for tests that port Confluent's own REST tests: with
 * {@code INKSTREAM_TEST_CLUSTER=docker} they run against confluentinc/cp-schema-registry instead
 * (skipped when no Docker engine is reachable), so that both registries are held to the same
 * assertions.
 */
final class RegistryUnderTest implements BeforeAllCallback, AfterAllCallback {

    private final boolean confluent;
    private SchemaRegistryServer server;
    private ConfluentContainers containers;
    private String url;
    private final RegistryHttp http = new RegistryHttp(() -> url);

    RegistryUnderTest() {
        this(false);
    }

    private RegistryUnderTest(boolean confluent) {
        this.confluent = confluent;
        if (!confluent) {
            server = SchemaRegistryServer.start(SharedBroker.freshConfig());
            url = server.url();
        }
    }

    /** Ours, or Confluent's registry when the environment asks for the Docker cluster. */
    static RegistryUnderTest confluentCompatible() {
        return new RegistryUnderTest(ConfluentContainers.requested());
    }

    RegistryHttp http() {
        return http;
    }

    /** Whether the registry under test is Confluent's own. */
    boolean isConfluent() {
        return confluent;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (confluent && containers == null) {
            Assumptions.assumeTrue(ConfluentContainers.dockerAvailable(),
                    "INKSTREAM_TEST_CLUSTER=docker but no Docker engine is reachable: skipping");
            containers = ConfluentContainers.start();
            url = containers.url();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        if (containers != null) {
            containers.close();
        }
    }
}
