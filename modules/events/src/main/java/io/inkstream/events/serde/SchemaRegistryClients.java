package io.inkstream.events.serde;

/** Picks the registry client for a configuration: in-process for {@code mock://}, REST otherwise. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(AvroSerdeConfig config) {
        String scope = config.mockScope();
        return scope != null ? InMemorySchemaRegistryClient.forScope(scope) : new RestSchemaRegistryClient(config);
    }
}
