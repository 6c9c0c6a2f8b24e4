package io.inkstream.registry;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One registry server for a test class, on the module's shared broker with a fresh schemas
 * topic: started when the class's static fields are set, closed after its last test.
 * Use as {@code @RegisterExtension static final RegistryUnderTest registry = new RegistryUnderTest();}.
 */
final class RegistryUnderTest implements AfterAllCallback {

    private final SchemaRegistryServer server = SchemaRegistryServer.start(SharedBroker.freshConfig());
    private final RegistryHttp http = new RegistryHttp(server.url());

    RegistryHttp http() {
        return http;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
