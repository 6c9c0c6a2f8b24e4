package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Requests.withReferences;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code normalize}, as parameter and as config, as Confluent's RestApiTest#testSchemaNormalization asserts it. */
class NormalizeApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    static String sub(String name, String field) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"otherns\",\"fields\":["
                + "{\"name\":\"" + field + "\",\"type\":\"string\"}]}";
    }

    /** The same schema written two ways: a wrapped primitive, and metadata keys in another order. */
    static final String WRITTEN_ONE_WAY = "{\"type\":\"record\",\"name\":\"Normalized\",\"fields\":["
            + "{\"type\":{\"type\":\"int\"},\"name\":\"field0\"},"
            + "{\"name\":\"field1\",\"type\":\"otherns.Sub1\"},{\"name\":\"field2\",\"type\":\"otherns.Sub2\"}],"
            + "\"extraMetadata\":{\"a\":1,\"b\":2}}";
    static final String WRITTEN_ANOTHER_WAY = "{\"type\":\"record\",\"name\":\"Normalized\",\"fields\":["
            + "{\"type\":\"int\",\"name\":\"field0\"},"
            + "{\"name\":\"field1\",\"type\":\"otherns.Sub1\"},{\"name\":\"field2\",\"type\":\"otherns.Sub2\"}],"
            + "\"extraMetadata\":{\"b\":2,\"a\":1}}";

    @Test
    void normalizeFindsEquivalentSchemasWithReorderedReferencesAndMetadataKeys() {
        http.register("norm-ref1", sub("Sub1", "f1"));
        http.register("norm-ref2", sub("Sub2", "f2"));
        Answer registered = http.post("/subjects/norm-subject/versions?normalize=true", withReferences(WRITTEN_ONE_WAY,
                "otherns.Sub1", "norm-ref1", 1, "otherns.Sub2", "norm-ref2", 1));
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.body().get("id").asInt();

        Answer found = http.post("/subjects/norm-subject?normalize=true", withReferences(WRITTEN_ANOTHER_WAY,
                "otherns.Sub2", "norm-ref2", 1, "otherns.Sub1", "norm-ref1", 1));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
        assertThat(found.body().get("id").asInt()).isEqualTo(id);

        Answer again = http.post("/subjects/norm-subject/versions?normalize=true", withReferences(WRITTEN_ANOTHER_WAY,
                "otherns.Sub2", "norm-ref2", 1, "otherns.Sub1", "norm-ref1", 1));
        assertThat(again.body().get("id").asInt()).as("registering it again: the same id").isEqualTo(id);
        assertThat(http.get("/subjects/norm-subject/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void normalizeAsASubjectConfigAppliesWithoutTheParameter() {
        Answer set = http.put("/config/norm-config", "{\"compatibility\":\"NONE\",\"normalize\":true}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(http.get("/config/norm-config").body().get("normalize").asBoolean()).isTrue();

        String oneWay = "{\"type\":\"record\",\"name\":\"NormCfg\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}],"
                + "\"meta\":{\"x\":1,\"y\":2}}";
        String anotherWay = "{\"type\":\"record\",\"name\":\"NormCfg\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}],"
                + "\"meta\":{\"y\":2,\"x\":1}}";
        int id = http.register("norm-config", oneWay);
        assertThat(http.register("norm-config", anotherWay)).isEqualTo(id);
        assertThat(http.get("/subjects/norm-config/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void normalizeAsTheGlobalConfigIsAnsweredWithTheLevel() {
        try {
            Answer set = http.put("/config", "{\"compatibility\":\"BACKWARD\",\"normalize\":true}");
            assertThat(set.body().get("normalize").asBoolean()).isTrue();
            Answer global = http.get("/config");
            assertThat(global.body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
            assertThat(global.body().get("normalize").asBoolean()).isTrue();
        } finally {
            http.put("/config", "{\"compatibility\":\"BACKWARD\",\"normalize\":false}");
        }
    }
}
