package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Schemas.VIEW_V1;
import static io.inkstream.registry.Schemas.VIEW_V2_SECTION_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

/** Soft delete first, permanent delete only after, with Confluent's answers and error codes. */
class DeleteApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = new RegistryUnderTest();
    private static final RegistryHttp http = registry.http();

    private static void registerTwoVersions(String subject) {
        http.register(subject, VIEW_V1);
        http.register(subject, VIEW_V2_SECTION_WITH_DEFAULT);
    }

    @Test
    void softDeletedSubjectDisappearsButItsIdsStillResolve() {
        registerTwoVersions("soft-value");
        int id = http.get("/subjects/soft-value/versions/1").body().get("id").asInt();

        Answer deleted = http.delete("/subjects/soft-value");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().toString()).isEqualTo("[1,2]");

        assertThat(http.get("/subjects").body().toString()).doesNotContain("\"soft-value\"");
        assertThat(http.get("/subjects?deleted=true").body().toString()).contains("\"soft-value\"");
        assertThat(http.get("/subjects/soft-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/soft-value/versions?deleted=true").body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/soft-value/versions/1").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/soft-value/versions/1?deleted=true").body().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/schemas/ids/" + id).status()).as("consumers still read old data").isEqualTo(200);
    }

    @Test
    void deletingASoftDeletedSubjectAgainAnswers40404() {
        registerTwoVersions("twice-value");
        http.delete("/subjects/twice-value");

        Answer again = http.delete("/subjects/twice-value");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40404);
    }

    @Test
    void permanentDeleteNeedsASoftDeleteFirst() {
        http.register("hard-value", VIEW_V1);
        // A schema no other subject of this class uses, so its id has no other holder.
        int id = http.register("hard-value", "{\"type\":\"record\",\"name\":\"View\",\"namespace\":\"test\","
                + "\"fields\":[{\"name\":\"article\",\"type\":\"string\"}],\"doc\":\"only here\"}");

        Answer tooEarly = http.delete("/subjects/hard-value?permanent=true");
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.errorCode()).isEqualTo(40405);

        http.delete("/subjects/hard-value");
        Answer permanent = http.delete("/subjects/hard-value?permanent=true");
        assertThat(permanent.status()).isEqualTo(200);
        assertThat(permanent.body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").body().toString()).doesNotContain("\"hard-value\"");
        assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
    }

    @Test
    void deletingAnUnknownSubjectAnswers40401() {
        assertThat(http.delete("/subjects/ghost-value").errorCode()).isEqualTo(40401);
        assertThat(http.delete("/subjects/ghost-value/versions/1").errorCode()).isEqualTo(40401);
    }

    @Test
    void softDeletedVersionLeavesTheOthers() {
        registerTwoVersions("version-soft-value");

        Answer deleted = http.delete("/subjects/version-soft-value/versions/2");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().asInt()).isEqualTo(2);

        assertThat(http.get("/subjects/version-soft-value/versions").body().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects/version-soft-value/versions/latest").body().get("version").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/version-soft-value/versions/2").errorCode()).isEqualTo(40402);

        Answer again = http.delete("/subjects/version-soft-value/versions/2");
        assertThat(again.errorCode()).isEqualTo(40406);
    }

    @Test
    void permanentVersionDeleteNeedsASoftDeleteFirst() {
        registerTwoVersions("version-hard-value");

        assertThat(http.delete("/subjects/version-hard-value/versions/1?permanent=true").errorCode()).isEqualTo(40407);

        http.delete("/subjects/version-hard-value/versions/1");
        Answer permanent = http.delete("/subjects/version-hard-value/versions/1?permanent=true");
        assertThat(permanent.status()).isEqualTo(200);
        assertThat(permanent.body().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/version-hard-value/versions?deleted=true").body().toString()).isEqualTo("[2]");
        assertThat(http.delete("/subjects/version-hard-value/versions/9").errorCode()).isEqualTo(40402);
    }

    @Test
    void deletingLatestSoftDeletesTheNewestLiveVersion() {
        registerTwoVersions("latest-delete-value");

        assertThat(http.delete("/subjects/latest-delete-value/versions/latest").body().asInt()).isEqualTo(2);
        assertThat(http.delete("/subjects/latest-delete-value/versions/latest").body().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/latest-delete-value/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void reRegisteringAfterSoftDeleteKeepsTheIdWithANewVersion() {
        int id = http.register("again-value", VIEW_V1);
        http.delete("/subjects/again-value");

        int reRegistered = http.register("again-value", VIEW_V1);

        assertThat(reRegistered).isEqualTo(id);
        assertThat(http.get("/subjects/again-value/versions").body().toString()).isEqualTo("[2]");
    }
}
