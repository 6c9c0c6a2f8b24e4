package io.inkstream.registry;

/** Avro schemas the tests evolve: a page view growing and losing fields. */
final class Schemas {

    private Schemas() {
    }

    /** Version 1: article and visitor. */
    static final String VIEW_V1 = """
            {"type":"record","name":"View","namespace":"test","fields":[
              {"name":"article","type":"string"},
              {"name":"visitor","type":"string"}]}""";

    /** Same as V1 written differently (whitespace): the same schema. */
    static final String VIEW_V1_REFORMATTED = "{ \"type\" : \"record\", \"name\" : \"View\", \"namespace\" : \"test\","
            + " \"fields\" : [ { \"name\" : \"article\", \"type\" : \"string\" },"
            + "   { \"name\" : \"visitor\", \"type\" : \"string\" } ] }";

    /** V1 plus a field with a default: backward and forward compatible. */
    static final String VIEW_V2_SECTION_WITH_DEFAULT = """
            {"type":"record","name":"View","namespace":"test","fields":[
              {"name":"article","type":"string"},
              {"name":"visitor","type":"string"},
              {"name":"section","type":"string","default":"news"}]}""";

    /** V1 plus a field without default: forward compatible only (old data lacks it). */
    static final String VIEW_REFERRER_REQUIRED = """
            {"type":"record","name":"View","namespace":"test","fields":[
              {"name":"article","type":"string"},
              {"name":"visitor","type":"string"},
              {"name":"referrer","type":"string"}]}""";

    /** V1 without visitor: backward compatible only (old readers need visitor). */
    static final String VIEW_WITHOUT_VISITOR = """
            {"type":"record","name":"View","namespace":"test","fields":[
              {"name":"article","type":"string"}]}""";

    static final String STRING = "\"string\"";
}
