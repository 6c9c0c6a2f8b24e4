package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Requests.record;
import static org.assertj.core.api.Assertions.assertThat;

/** Content types as Confluent's REST layer negotiates them. */
class ContentNegotiationTest {

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    @Test
    void acceptApplicationJsonIsAnsweredInApplicationJson() {
        Answer a = http.exchange("GET", "/subjects", null, null, "application/json");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
    }

    @Test
    void acceptTheGenericRegistryTypeIsAnsweredInIt() {
        Answer a = http.exchange("GET", "/config", null, null, "application/vnd.schemaregistry+json");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/vnd.schemaregistry+json");
    }

    @Test
    void theTypeOfHighestQualityIsChosen() {
        Answer a = http.exchange("GET", "/config", null, null,
                "application/json;q=0.5, application/vnd.schemaregistry+json");
        assertThat(a.contentType()).startsWith("application/vnd.schemaregistry+json");
    }

    @Test
    void javaUrlConnectionsDefaultAcceptIsAnsweredInTheV1Type() {
        Answer a = http.exchange("GET", "/config", null, null, "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void aWildcardIsAnsweredInTheV1Type() {
        Answer a = http.exchange("GET", "/config", null, null, "*/*");
        assertThat(a.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void everyAcceptedRequestTypeRegisters() {
        for (String type : new String[] {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                "application/json"}) {
            Answer a = http.exchange("POST", "/subjects/negotiated-" + type.length() + "/versions",
                    RegistryHttp.schemaBody(record("Negotiated" + type.length(), "a")), type, "application/json");
            assertThat(a.status()).as(type).isEqualTo(200);
            assertThat(a.body().get("id").isInt()).as(type).isTrue();
        }
    }

    @Test
    void aTextPlainBodyAnswers415() {
        Answer a = http.exchange("POST", "/subjects/plain/versions",
                RegistryHttp.schemaBody(record("Plain", "a")), "text/plain", null);
        assertThat(a.status()).isEqualTo(415);
        assertThat(http.get("/subjects/plain/versions").status()).as("nothing registered").isEqualTo(404);
    }
}
