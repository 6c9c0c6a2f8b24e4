package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Requests.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging and filters as Confluent's RestApiTest asserts them and RestService sends them:
 * offset and limit, deletedOnly, subjectPrefix, and GET /schemas.
 */
class ListingApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    @Test
    void subjectsArePagedWithOffsetAndLimit() {
        http.register("page-a", record("PageA", "a"));
        http.register("page-b", record("PageB", "a"));
        http.register("page-c", record("PageC", "a"));

        assertThat(http.get("/subjects?subjectPrefix=page-").body().toString())
                .isEqualTo("[\"page-a\",\"page-b\",\"page-c\"]");
        assertThat(http.get("/subjects?subjectPrefix=page-&offset=0&limit=1").body().toString()).isEqualTo("[\"page-a\"]");
        assertThat(http.get("/subjects?subjectPrefix=page-&offset=1&limit=1").body().toString()).isEqualTo("[\"page-b\"]");
        assertThat(http.get("/subjects?subjectPrefix=page-&offset=1").body().toString()).isEqualTo("[\"page-b\",\"page-c\"]");
        assertThat(http.get("/subjects?subjectPrefix=page-&offset=5&limit=1").body().toString()).isEqualTo("[]");
    }

    @Test
    void versionsArePagedAndDeletedOnlyListsOnlySoftDeletedOnes() {
        http.put("/config/page-versions", "{\"compatibility\":\"NONE\"}");
        http.register("page-versions", record("PageV1", "a"));
        http.register("page-versions", record("PageV2", "a"));
        http.register("page-versions", record("PageV3", "a"));
        http.delete("/subjects/page-versions/versions/1");

        assertThat(http.get("/subjects/page-versions/versions").body().toString()).isEqualTo("[2,3]");
        assertThat(http.get("/subjects/page-versions/versions?deleted=true").body().toString()).isEqualTo("[1,2,3]");
        assertThat(http.get("/subjects/page-versions/versions?deleted=true&offset=0&limit=1").body().toString())
                .isEqualTo("[1]");
        assertThat(http.get("/subjects/page-versions/versions?deletedOnly=true").body().toString()).isEqualTo("[1]");
    }

    @Test
    void deletedOnlySubjectsAreTheSoftDeletedOnes() {
        http.register("gone-only-live", record("GoneLive", "a"));
        http.register("gone-only-dead", record("GoneDead", "a"));
        http.delete("/subjects/gone-only-dead");

        assertThat(http.get("/subjects?subjectPrefix=gone-only-").body().toString()).isEqualTo("[\"gone-only-live\"]");
        assertThat(http.get("/subjects?subjectPrefix=gone-only-&deleted=true").body().toString())
                .isEqualTo("[\"gone-only-dead\",\"gone-only-live\"]");
        assertThat(http.get("/subjects?subjectPrefix=gone-only-&deletedOnly=true").body().toString())
                .isEqualTo("[\"gone-only-dead\"]");
    }

    @Test
    void subjectsAndVersionsOfAnIdArePagedAndIncludeDeletedOnesWhenAsked() {
        String schema = record("SharedById", "a");
        int id = http.register("by-id-1", schema);
        http.register("by-id-2", schema);
        http.delete("/subjects/by-id-2/versions/1");

        assertThat(http.get("/schemas/ids/" + id + "/subjects").body().toString()).isEqualTo("[\"by-id-1\"]");
        assertThat(http.get("/schemas/ids/" + id + "/subjects?offset=1&limit=1").body().toString()).isEqualTo("[]");
        assertThat(http.get("/schemas/ids/" + id + "/subjects?deleted=true").body().toString())
                .isEqualTo("[\"by-id-1\",\"by-id-2\"]");
        assertThat(http.get("/schemas/ids/" + id + "/subjects?deleted=true&offset=0&limit=1").body().toString())
                .isEqualTo("[\"by-id-1\"]");
        assertThat(http.get("/schemas/ids/" + id + "/versions?deleted=true&offset=1&limit=1").body().toString())
                .isEqualTo("[{\"subject\":\"by-id-2\",\"version\":1}]");
        assertThat(http.get("/schemas/ids/" + id + "/versions?offset=1&limit=1").body().toString()).isEqualTo("[]");
    }

    @Test
    void schemasAreListedByPrefixLatestOnlyAndDeletedWithPaging() {
        http.put("/config/list-x", "{\"compatibility\":\"NONE\"}");
        http.register("list-x", record("ListX1", "a"));
        http.register("list-x", record("ListX2", "a"));
        http.register("list-y", record("ListY1", "a"));
        http.delete("/subjects/list-y");

        Answer all = http.get("/schemas?subjectPrefix=list-");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).hasSize(2);
        assertThat(all.body().get(0).get("subject").asText()).isEqualTo("list-x");
        assertThat(all.body().get(1).get("version").asInt()).isEqualTo(2);
        assertThat(all.body().get(1).get("schema").asText()).contains("ListX2");

        Answer latest = http.get("/schemas?subjectPrefix=list-&latestOnly=true");
        assertThat(latest.body()).hasSize(1);
        assertThat(latest.body().get(0).get("version").asInt()).isEqualTo(2);

        Answer withDeleted = http.get("/schemas?subjectPrefix=list-&deleted=true");
        assertThat(withDeleted.body()).hasSize(3);
        assertThat(withDeleted.body().get(2).get("subject").asText()).isEqualTo("list-y");

        Answer paged = http.get("/schemas?subjectPrefix=list-&deleted=true&offset=1&limit=1");
        assertThat(paged.body()).hasSize(1);
        assertThat(paged.body().get(0).get("schema").asText()).contains("ListX2");
    }
}
