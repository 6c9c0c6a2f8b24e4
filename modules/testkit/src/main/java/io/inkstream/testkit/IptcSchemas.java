package io.inkstream.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IPTC's published schemas from {@code ../shared/iptc/} (other projects' data, never copied into the
 * repository): ninjs JSON Schemas 1.5 to 3.1, NewsML-G2 2.35 and NITF 3.6 XSDs. A test that asks for
 * them is skipped with a message when the folder is absent (a user's clone). Nothing is fetched from
 * the network: JSON Schemas are served from the files by their {@code $id}, and the XSDs' imports
 * only from their own folder.
 */
public final class IptcSchemas {

    private static final Map<String, Schema> NINJS = new ConcurrentHashMap<>();
    private static final Map<String, javax.xml.validation.Schema> XSD = new ConcurrentHashMap<>();

    private IptcSchemas() {
    }

    /** The {@code shared/iptc} folder beside the repository; skips the calling test when it is absent. */
    public static Path root() {
        return SharedMaterial.folder("iptc", iptc -> Files.isDirectory(iptc.resolve("ninjs")),
                "IPTC's schemas are not copied into this repository, so validation against them is skipped");
    }

    /**
     * The errors of {@code json} against IPTC's ninjs schema of {@code version} (1.5, 2.1, 2.2, 3.0, 3.1); empty
     * when valid. Formats (uri, date-time) are asserted, as a strict partner's validator does.
     */
    public static List<String> ninjsErrors(String version, String json) {
        Schema schema = NINJS.computeIfAbsent(version, IptcSchemas::loadNinjs);
        return schema.validate(json, InputFormat.JSON, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    /** The errors of {@code xml} against NewsML-G2 2.35 (conformance power); empty when valid. */
    public static List<String> newsMlG2Errors(byte[] xml) {
        return xsdErrors("newsml-g2-2.35/NewsML-G2_2.35-spec-All-Power.xsd", xml);
    }

    /** The errors of {@code xml} against NITF 3.6; empty when valid. */
    public static List<String> nitfErrors(byte[] xml) {
        return xsdErrors("nitf-3.6/nitf-3-6.xsd", xml);
    }

    private static Schema loadNinjs(String version) {
        Path file = root().resolve("ninjs").resolve("ninjs-schema_" + version + ".json");
        String text = read(file);
        String id = "http://www.iptc.org/std/ninjs/ninjs-schema_" + version + ".json";
        // The schemas name themselves by $id (http://www.iptc.org/...); the registry serves that id from the
        // file and is not allowed to fetch anything else (the meta-schemas are inside the library).
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(id, text, id + "#", text))
                        .schemaLoader(l -> l.fetchRemoteResources(false)));
        return registry.getSchema(SchemaLocation.of(id));
    }

    private static List<String> xsdErrors(String relative, byte[] xml) {
        javax.xml.validation.Schema schema = XSD.computeIfAbsent(relative, IptcSchemas::loadXsd);
        Validator validator = schema.newValidator();
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static javax.xml.validation.Schema loadXsd(String relative) {
        Path file = root().resolve(relative);
        Path folder = file.getParent();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // imports and includes (xml.xsd, the NITF ruby include) come from the schema's own folder, never the network
        factory.setResourceResolver(new LocalOnly(folder));
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try (InputStream in = Files.newInputStream(file)) {
                StreamSource source = new StreamSource(in, file.toUri().toString());
                return factory.newSchema(source);
            }
        } catch (SAXException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves a schema document by its file name from one folder; anything else is refused. */
    private record LocalOnly(Path folder) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? null : systemId.substring(systemId.lastIndexOf('/') + 1);
            Path local = name == null ? null : folder.resolve(name);
            if (local == null || !Files.isRegularFile(local)) {
                throw new IllegalStateException("schema " + systemId + " is not in " + folder + "; the network is not used");
            }
            return new LocalInput(local, publicId, systemId, baseUri);
        }
    }

    private record LocalInput(Path file, String publicId, String systemId, String baseURI) implements LSInput {
        @Override
        public InputStream getByteStream() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return baseURI;
        }

        @Override
        public void setBaseURI(String baseURI) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
