package io.inkstream.events;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The build check: a schema change that is not BACKWARD_TRANSITIVE compatible fails the build here. */
class SchemaEvolutionTest {

    private static final Path RELEASED = Path.of("../../schemas/released");

    @Test
    void currentSchemasReadEveryReleasedVersion() {
        assertThat(Files.isDirectory(RELEASED)).as("released schemas kept in the repo").isTrue();
        assertThat(SchemaEvolution.check(SchemaEvolution.current(), RELEASED))
                .as("schema changes must be BACKWARD_TRANSITIVE compatible: add fields with defaults,"
                        + " never remove a field without default or change a type")
                .isEmpty();
    }

    @Test
    void everyEventOfTheTopicTableIsReleased() {
        assertThat(SchemaEvolution.parseDirectory(RELEASED.resolve("0.1.0")).keySet())
                .containsAll(SchemaEvolution.current().keySet());
    }

    @Test
    void aNewFieldWithoutDefaultIsCaught() {
        Map<String, Schema> current = new HashMap<>(SchemaEvolution.current());
        Schema pageView = current.get("io.inkstream.events.PageView");
        // The same record with one more field that has no default: old data cannot fill it.
        String json = pageView.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"country\",\"type\":\"string\",\"doc\":\"added\"},");
        Schema changed = new Schema.Parser().parse(json);
        current.put(changed.getFullName(), changed);

        assertThat(SchemaEvolution.check(current, RELEASED))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.record()).isEqualTo("io.inkstream.events.PageView");
                    assertThat(p.explanation()).contains("country");
                });
    }

    @Test
    void everyFieldOfEveryEventIsDocumented() {
        SchemaEvolution.current().values().forEach(this::assertDocumented);
    }

    private void assertDocumented(Schema record) {
        assertThat(record.getDoc()).as("doc of %s", record.getFullName()).isNotBlank();
        for (Schema.Field field : record.getFields()) {
            assertThat(field.doc()).as("doc of %s.%s", record.getFullName(), field.name()).isNotBlank();
            Schema type = field.schema();
            if (type.getType() == Schema.Type.ARRAY) {
                type = type.getElementType();
            }
            if (type.getType() == Schema.Type.RECORD) {
                assertDocumented(type);
            }
        }
    }
}
