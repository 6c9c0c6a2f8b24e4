package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Requests.withReferences;
import static org.assertj.core.api.Assertions.assertThat;

/** Schema references as Confluent's RestApiTest asserts them (testSchemaReferences and its neighbours). */
class ReferencesApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    static String subrecord(String namespace) {
        return "{\"type\":\"record\",\"name\":\"Subrecord\",\"namespace\":\"" + namespace + "\",\"fields\":["
                + "{\"name\":\"field2\",\"type\":\"string\"}]}";
    }

    static String referrer(String namespace) {
        return "{\"type\":\"record\",\"name\":\"MyRecord\",\"namespace\":\"ns\",\"fields\":["
                + "{\"name\":\"field1\",\"type\":\"" + namespace + ".Subrecord\"}]}";
    }

    @Test
    void referencedByListsTheIdsOfReferringSchemas() {
        http.register("ref-by-target", subrecord("refby"));
        Answer registered = http.registerBody("ref-by-referrer",
                withReferences(referrer("refby"), "refby.Subrecord", "ref-by-target", 1));
        assertThat(registered.status()).isEqualTo(200);
        int parent = registered.body().get("id").asInt();

        assertThat(http.get("/subjects/ref-by-target/versions/1/referencedby").body().toString())
                .isEqualTo("[" + parent + "]");
        assertThat(http.get("/subjects/ref-by-target/versions/1/referencedby?offset=1&limit=1").body().toString())
                .isEqualTo("[]");
        Answer byId = http.get("/schemas/ids/" + parent + "?subject=ref-by-referrer");
        assertThat(byId.body().get("references").get(0).get("subject").asText()).isEqualTo("ref-by-target");
        assertThat(byId.body().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void formatResolvedAnswersTheSchemaWithReferencedTypesInline() {
        http.register("ref-format-target", subrecord("refformat"));
        int parent = http.registerBody("ref-format-referrer",
                withReferences(referrer("refformat"), "refformat.Subrecord", "ref-format-target", 1)).body().get("id").asInt();

        Schema.Parser parser = new Schema.Parser();
        parser.parse(subrecord("refformat"));
        String resolved = parser.parse(referrer("refformat")).toString();
        assertThat(http.get("/schemas/ids/" + parent + "?format=resolved").body().get("schema").asText()).isEqualTo(resolved);
        assertThat(http.get("/subjects/ref-format-referrer/versions/1?format=resolved").body().get("schema").asText())
                .isEqualTo(resolved);
        assertThat(http.get("/schemas/ids/" + parent).body().get("schema").asText()).as("by default as registered")
                .doesNotContain("field2");
    }

    @Test
    void deletingAReferencedVersionAnswers42206UntilTheReferrerIsDeleted() {
        http.register("ref-del-target", subrecord("refdel"));
        http.registerBody("ref-del-referrer", withReferences(referrer("refdel"), "refdel.Subrecord", "ref-del-target", 1));

        Answer refused = http.delete("/subjects/ref-del-target/versions/1");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42206);
        assertThat(http.delete("/subjects/ref-del-target").errorCode()).as("the whole subject too").isEqualTo(42206);

        assertThat(http.delete("/subjects/ref-del-referrer/versions/1").status()).isEqualTo(200);
        assertThat(http.get("/subjects/ref-del-target/versions/1/referencedby").body().toString()).isEqualTo("[]");
        assertThat(http.delete("/subjects/ref-del-target/versions/1").body().asInt()).isEqualTo(1);
    }

    @Test
    void registeringAgainstASoftDeletedReferenceAnswers42201() {
        http.register("ref-dangling-target", subrecord("refdangling"));
        http.delete("/subjects/ref-dangling-target/versions/1");

        Answer refused = http.registerBody("ref-dangling-referrer",
                withReferences(referrer("refdangling"), "refdangling.Subrecord", "ref-dangling-target", 1));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42201);
    }

    @Test
    void aReferenceToAMissingSubjectOrVersionAnswers42201AndRegistersNothing() {
        Answer missingSubject = http.registerBody("ref-bad", withReferences(referrer("refbad"),
                "refbad.Subrecord", "ref-no-such-subject", 1));
        assertThat(missingSubject.errorCode()).isEqualTo(42201);
        http.register("ref-bad-target", subrecord("refbad"));
        Answer missingVersion = http.registerBody("ref-bad", withReferences(referrer("refbad"),
                "refbad.Subrecord", "ref-bad-target", 100));
        assertThat(missingVersion.errorCode()).isEqualTo(42201);
        assertThat(http.get("/subjects/ref-bad/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void referencesOverSeveralLevelsRegisterAndAnswerAsRegistered() {
        String currency = "{\"type\":\"enum\",\"name\":\"Currency\",\"namespace\":\"levels.currencies\","
                + "\"symbols\":[\"EUR\",\"USD\"]}";
        String decreased = "{\"type\":\"record\",\"name\":\"BudgetDecreased\",\"namespace\":\"levels\",\"fields\":["
                + "{\"name\":\"currency\",\"type\":\"levels.currencies.Currency\"},{\"name\":\"amount\",\"type\":\"double\"}]}";
        String updated = "{\"type\":\"record\",\"name\":\"BudgetUpdated\",\"namespace\":\"levels\",\"fields\":["
                + "{\"name\":\"currency\",\"type\":\"levels.currencies.Currency\"},{\"name\":\"value\",\"type\":\"double\"}]}";
        String root = "[\"levels.BudgetDecreased\",\"levels.BudgetUpdated\"]";

        http.register("levels-shared", currency);
        assertThat(http.registerBody("levels-ref1", withReferences(decreased,
                "levels.currencies.Currency", "levels-shared", 1)).status()).isEqualTo(200);
        assertThat(http.registerBody("levels-ref2", withReferences(updated,
                "levels.currencies.Currency", "levels-shared", 1)).status()).isEqualTo(200);
        Answer registered = http.registerBody("levels-root", withReferences(root,
                "levels.BudgetDecreased", "levels-ref1", 1, "levels.BudgetUpdated", "levels-ref2", 1));
        assertThat(registered.status()).isEqualTo(200);

        Answer byId = http.get("/schemas/ids/" + registered.body().get("id").asInt());
        assertThat(byId.body().get("schema").asText()).isEqualTo(root);
        assertThat(byId.body().get("references").get(0).get("subject").asText()).isEqualTo("levels-ref1");
        assertThat(byId.body().get("references").get(1).get("subject").asText()).isEqualTo("levels-ref2");
    }

    @Test
    void aReferrerCannotBeRegisteredAgainOnceItsReferenceIsPermanentlyDeleted() {
        http.register("ref-revive-target", subrecord("refrevive"));
        String body = withReferences(referrer("refrevive"), "refrevive.Subrecord", "ref-revive-target", 1);
        http.registerBody("ref-revive-base", body);
        http.delete("/subjects/ref-revive-base/versions/1");
        http.delete("/subjects/ref-revive-target/versions/1");
        assertThat(http.delete("/subjects/ref-revive-target/versions/1?permanent=true").status()).isEqualTo(200);

        assertThat(http.registerBody("ref-revive-base", body).errorCode()).isEqualTo(42201);
    }

    @Test
    void aSchemaMissingItsReferencesIsRefused() {
        Answer refused = http.registerBody("ref-missing", RegistryHttp.schemaBody(referrer("refmissing")));
        assertThat(refused.errorCode()).isEqualTo(42201);
    }

    @Test
    void lookupByTheResolvedSchemaFindsTheReferringVersion() {
        http.register("ref-resolved-target", subrecord("refresolved"));
        int parent = http.registerBody("ref-resolved-referrer",
                withReferences(referrer("refresolved"), "refresolved.Subrecord", "ref-resolved-target", 1))
                .body().get("id").asInt();

        Schema.Parser parser = new Schema.Parser();
        parser.parse(subrecord("refresolved"));
        String resolved = parser.parse(referrer("refresolved")).toString();
        Answer found = http.post("/subjects/ref-resolved-referrer", RegistryHttp.schemaBody(resolved));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("id").asInt()).isEqualTo(parent);
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
    }
}
