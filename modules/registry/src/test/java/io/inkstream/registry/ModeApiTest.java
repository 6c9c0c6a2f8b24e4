package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Requests.mode;
import static io.inkstream.registry.Requests.record;
import static io.inkstream.registry.Requests.withIdAndVersion;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modes, behaviour by behaviour as Confluent's RestApiModeTest and RestApiTest#testGlobalMode
 * assert them: READWRITE, READONLY, READONLY_OVERRIDE and IMPORT, global and per subject.
 */
class ModeApiTest {

    // Ids given in IMPORT mode are 1000 apart per test: ids given out automatically continue
    // after the highest one (max + 1, as in Confluent), so they never reach another test's.

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    @AfterEach
    void backToReadWrite() {
        http.delete("/mode?recursive=true");
    }

    @Test
    void globalModeIsReadWriteByDefault() {
        Answer a = http.get("/mode");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("mode").asText()).isEqualTo("READWRITE");
    }

    @Test
    void aSubjectWithoutItsOwnModeAnswers40409UnlessDefaultToGlobal() {
        http.register("mode-none", record("ModeNone", "a"));
        Answer own = http.get("/mode/mode-none");
        assertThat(own.status()).isEqualTo(404);
        assertThat(own.errorCode()).isEqualTo(40409);
        assertThat(http.get("/mode/mode-none?defaultToGlobal=true").body().get("mode").asText()).isEqualTo("READWRITE");
    }

    @Test
    void readOnlyModeRefusesRegistrationWith42205() {
        assertThat(http.put("/mode", mode("READONLY")).body().get("mode").asText()).isEqualTo("READONLY");

        Answer refused = http.registerBody("mode-ro", RegistryHttp.schemaBody(record("ModeRo", "a")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
    }

    @Test
    void readOnlySubjectModeRefusesDeletesOfThatSubjectOnly() {
        http.register("mode-ro-del", record("ModeRoDel", "a"));
        http.register("mode-rw-del", record("ModeRwDel", "a"));
        http.put("/mode/mode-ro-del", mode("READONLY"));

        assertThat(http.delete("/subjects/mode-ro-del").errorCode()).isEqualTo(42205);
        assertThat(http.delete("/subjects/mode-rw-del").status()).isEqualTo(200);
    }

    @Test
    void aSubjectModeOverridesTheGlobalMode() {
        http.put("/mode", mode("READONLY"));
        http.put("/mode/mode-override", mode("READWRITE"));

        assertThat(http.get("/mode/mode-override").body().get("mode").asText()).isEqualTo("READWRITE");
        assertThat(http.registerBody("mode-override", RegistryHttp.schemaBody(record("ModeOverride", "a"))).status())
                .isEqualTo(200);

        http.delete("/mode/mode-override");
        assertThat(http.get("/mode/mode-override?defaultToGlobal=true").body().get("mode").asText()).isEqualTo("READONLY");
    }

    @Test
    void readOnlyOverrideBeatsEverySubjectMode() {
        http.put("/mode/mode-beaten", mode("READWRITE"));
        http.put("/mode", mode("READONLY_OVERRIDE"));

        assertThat(http.get("/mode/mode-beaten").body().get("mode").asText()).isEqualTo("READONLY_OVERRIDE");
        Answer refused = http.registerBody("mode-beaten", RegistryHttp.schemaBody(record("ModeBeaten", "a")));
        assertThat(refused.errorCode()).isEqualTo(42205);
    }

    @Test
    void deletingTheGlobalModeAnswersTheOldModeAndRevertsToReadWrite() {
        http.put("/mode", mode("READONLY"));
        Answer deleted = http.delete("/mode");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("mode").asText()).isEqualTo("READONLY");
        assertThat(http.get("/mode").body().get("mode").asText()).isEqualTo("READWRITE");
    }

    @Test
    void deletingASubjectModeAnswersTheOldModeAndFallsBackToTheGlobalMode() {
        http.put("/mode", mode("READONLY"));
        http.put("/mode/mode-fallback", mode("READWRITE"));

        assertThat(http.delete("/mode/mode-fallback").body().get("mode").asText()).isEqualTo("READWRITE");
        assertThat(http.get("/mode/mode-fallback").errorCode()).isEqualTo(40409);
        assertThat(http.get("/mode/mode-fallback?defaultToGlobal=true").body().get("mode").asText()).isEqualTo("READONLY");
    }

    @Test
    void recursiveDeleteOfTheGlobalModeRemovesSubjectModesToo() {
        http.put("/mode", mode("READONLY"));
        http.put("/mode/mode-rec-1", mode("READONLY"));
        http.put("/mode/mode-rec-2", mode("READONLY"));

        assertThat(http.delete("/mode?recursive=true").body().get("mode").asText()).isEqualTo("READONLY");
        assertThat(http.get("/mode").body().get("mode").asText()).isEqualTo("READWRITE");
        assertThat(http.get("/mode/mode-rec-1").errorCode()).isEqualTo(40409);
        assertThat(http.get("/mode/mode-rec-2").errorCode()).isEqualTo(40409);
    }

    @Test
    void anUnknownModeAnswers42204() {
        Answer forward = http.put("/mode/mode-bad", mode("FORWARD"));
        assertThat(forward.status()).isEqualTo(422);
        assertThat(forward.errorCode()).isEqualTo(42204);
        assertThat(http.put("/mode", mode("SIDEWAYS")).errorCode()).isEqualTo(42204);
    }

    @Test
    void importModeKeepsExplicitIdAndVersion() {
        assertThat(http.put("/mode/mode-import", mode("IMPORT")).body().get("mode").asText()).isEqualTo("IMPORT");

        Answer imported = http.registerBody("mode-import", withIdAndVersion(record("Imported", "a"), 10000, 5));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().get("id").asInt()).isEqualTo(10000);

        Answer v5 = http.get("/subjects/mode-import/versions/5");
        assertThat(v5.status()).isEqualTo(200);
        assertThat(v5.body().get("id").asInt()).isEqualTo(10000);
        assertThat(http.get("/schemas/ids/10000").body().get("schema").asText()).contains("Imported");
    }

    @Test
    void importModeRefusesARegistrationWithoutIdOfANewSchema() {
        http.put("/mode/mode-import-noid", mode("IMPORT"));
        Answer refused = http.registerBody("mode-import-noid", RegistryHttp.schemaBody(record("ImportNoId", "a")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
    }

    @Test
    void importModeAnswersTheImportedIdWhenTheSameSchemaComesWithoutId() {
        http.put("/mode/mode-import-again", mode("IMPORT"));
        String schema = record("ImportAgain", "a");
        Answer first = http.registerBody("mode-import-again", withIdAndVersion(schema, 11000, 1));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Answer again = http.registerBody("mode-import-again", RegistryHttp.schemaBody(schema));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.body().get("id").asInt()).isEqualTo(11000);
    }

    @Test
    void importModeTakesTheSameSchemaUnderAnotherIdAndVersion() {
        http.put("/mode/mode-import-twice", mode("IMPORT"));
        String schema = record("ImportTwice", "a");
        assertThat(http.registerBody("mode-import-twice", withIdAndVersion(schema, 12000, 1)).body().get("id").asInt())
                .isEqualTo(12000);
        assertThat(http.registerBody("mode-import-twice", withIdAndVersion(schema, 12001, 2)).body().get("id").asInt())
                .isEqualTo(12001);
        assertThat(http.get("/subjects/mode-import-twice/versions/2").body().get("id").asInt()).isEqualTo(12001);
    }

    @Test
    void importModeRefusesAnotherSchemaOnATakenId() {
        http.put("/mode/mode-import-clash", mode("IMPORT"));
        http.registerBody("mode-import-clash", withIdAndVersion(record("ImportClashA", "a"), 13000, 1));

        Answer clash = http.registerBody("mode-import-clash", withIdAndVersion(record("ImportClashB", "a"), 13000, 2));
        assertThat(clash.errorCode()).isEqualTo(42205);
    }

    @Test
    void importModeDoesNotCheckCompatibility() {
        http.put("/mode/mode-import-compat", mode("IMPORT"));
        http.registerBody("mode-import-compat", withIdAndVersion(
                "{\"type\":\"record\",\"name\":\"ImportCompat\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}", 14000, 1));

        Answer incompatible = http.registerBody("mode-import-compat", withIdAndVersion(
                "{\"type\":\"record\",\"name\":\"ImportCompat\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}", 14001, 2));
        assertThat(incompatible.status()).isEqualTo(200);
        assertThat(incompatible.body().get("id").asInt()).isEqualTo(14001);
    }

    @Test
    void importModeIsRefusedWhileSchemasExistUnlessForced() {
        http.register("mode-import-busy", record("ImportBusy", "a"));

        Answer refused = http.put("/mode/mode-import-busy", mode("IMPORT"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(http.put("/mode", mode("IMPORT")).errorCode()).as("globally too").isEqualTo(42205);

        assertThat(http.put("/mode/mode-import-busy?force=true", mode("IMPORT")).body().get("mode").asText())
                .isEqualTo("IMPORT");
        assertThat(http.put("/mode?force=true", mode("IMPORT")).body().get("mode").asText()).isEqualTo("IMPORT");
    }

    @Test
    void settingImportAgainOnASubjectAlreadyImportingNeedsNoForce() {
        http.put("/mode/mode-import-twice-set", mode("IMPORT"));
        http.registerBody("mode-import-twice-set", withIdAndVersion(record("ImportTwiceSet", "a"), 16000, 1));

        assertThat(http.put("/mode/mode-import-twice-set", mode("IMPORT")).status()).isEqualTo(200);
    }

    @Test
    void importModeIsAllowedOnASubjectWhoseSchemasAreSoftDeleted() {
        http.register("mode-import-deleted", record("ImportDeleted", "a"));
        http.delete("/subjects/mode-import-deleted");

        assertThat(http.put("/mode/mode-import-deleted", mode("IMPORT")).status()).isEqualTo(200);
    }

    @Test
    void anExplicitIdOutsideImportModeIsRefused() {
        Answer refused = http.registerBody("mode-rw-id", withIdAndVersion(record("ReadWriteId", "a"), 15000, 1));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(http.registerBody("mode-rw-id", RegistryHttp.schemaBody(record("ReadWriteId", "a"))).status())
                .as("without the id it registers").isEqualTo(200);
    }
}
