package io.inkstream.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies of Confluent's REST API, and small distinct schemas to put in them. */
final class Requests {

    private Requests() {
    }

    /** A record with one string field per name: distinct names give distinct schemas. */
    static String record(String name, String... fields) {
        StringBuilder out = new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"name\":\"").append(fields[i]).append("\",\"type\":\"string\"}");
        }
        return out.append("]}").toString();
    }

    /** A register body with an explicit id and version (null: not given). */
    static String withIdAndVersion(String schema, Integer id, Integer version) {
        ObjectNode body = RegistryHttp.JSON.createObjectNode().put("schema", schema);
        if (id != null) {
            body.put("id", id);
        }
        if (version != null) {
            body.put("version", version);
        }
        return body.toString();
    }

    /** A register body with references, each given as name, subject, version. */
    static String withReferences(String schema, Object... nameSubjectVersion) {
        ObjectNode body = RegistryHttp.JSON.createObjectNode().put("schema", schema);
        ArrayNode refs = body.putArray("references");
        for (int i = 0; i < nameSubjectVersion.length; i += 3) {
            refs.addObject().put("name", (String) nameSubjectVersion[i]).put("subject", (String) nameSubjectVersion[i + 1])
                    .put("version", (Integer) nameSubjectVersion[i + 2]);
        }
        return body.toString();
    }

    static String mode(String mode) {
        return "{\"mode\":\"" + mode + "\"}";
    }
}
