package io.inkstream.renderer.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.PublishedArticle;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What each format says, checked without IPTC's schemas (so a clone without ../shared still tests it):
 * the version named, the canonical URL and keywords where the version has a place for them, no invented
 * keys, kills and corrections as each format expects, and well-formed XML whatever the body holds.
 */
class SyndicationFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void idsAreThePartnerFacingNamesAndNinjs22IsTheDefault() {
        assertThat(SyndicationFormat.ids()).containsExactly("ninjs-1.5", "ninjs-2.2", "ninjs-3.1", "newsml-g2", "nitf");
        assertThat(SyndicationFormat.DEFAULT).isEqualTo(SyndicationFormat.NINJS_2_2);
        assertThat(SyndicationFormat.byId("NITF")).isEqualTo(SyndicationFormat.NITF);
        assertThat(SyndicationFormat.ninjsVersion("3.1")).contains(SyndicationFormat.NINJS_3_1);
        assertThat(SyndicationFormat.ninjsVersion("2.35")).isEmpty();
        assertThatThrownBy(() -> SyndicationFormat.byId("newsml-1.2")).hasMessageContaining("known: [ninjs-1.5");
    }

    @Test
    void ninjs15NamesItsVersionAndPutsUrlAndKeywordsWhere15HasRoom() throws Exception {
        JsonNode n = json(SyndicationFormat.NINJS_1_5, SyndicationSamples.rich());
        assertThat(n.path("$standard").path("version").asText()).isEqualTo("1.5");
        assertThat(n.path("byline").asText()).isEqualTo("By Jane Doe");
        assertThat(n.path("headline_subheadline").asText()).isEqualTo("A subheadline");
        assertThat(n.path("renditions").path("web").path("href").asText())
                .isEqualTo(SyndicationSamples.rich().getUrl());
        assertThat(n.path("subject").findValuesAsText("rel")).contains("section", "keyword");
        assertThat(n.path("associations").path("featuremedia").path("uri").asText())
                .isEqualTo("https://news.example.com/media/demo/photo%20one.jpg");
        assertThat(fieldNames(n)).doesNotContain("by", "keywords", "uri_canonical", "slugline");
    }

    @Test
    void ninjs22And31ShareTheShapeAnd31UsesCamelCase() throws Exception {
        JsonNode v2 = json(SyndicationFormat.NINJS_2_2, SyndicationSamples.rich());
        JsonNode v3 = json(SyndicationFormat.NINJS_3_1, SyndicationSamples.rich());
        assertThat(v2.path("standard").path("version").asText()).isEqualTo("2.2");
        assertThat(v3.path("standard").path("version").asText()).isEqualTo("3.1");
        assertThat(v2.path("by").asText()).isEqualTo("By Jane Doe");
        assertThat(v2.path("bodies").get(0).path("contenttype").asText()).isEqualTo("text/html");
        assertThat(v3.path("bodies").get(0).path("contentType").asText()).isEqualTo("text/html");
        assertThat(v2.path("bodies").get(0).path("value").asText()).isEqualTo(SyndicationSamples.rich().getBodyHtml());
        assertThat(v2.path("headlines").findValuesAsText("role")).containsExactly("main", "sub");
        assertThat(v2.path("renditions").get(0).path("href").asText()).isEqualTo(SyndicationSamples.rich().getUrl());
        assertThat(v2.has("versioncreated")).isTrue();
        assertThat(v3.has("versionCreated")).isTrue();
        assertThat(fieldNames(v3)).doesNotContain("versioncreated", "pubstatus", "copyrightholder", "ednote");
        assertThat(fieldNames(v2)).doesNotContain("keywords", "uri_canonical", "body_html", "headline");
    }

    @Test
    void ninjsKillIsCanceledWithANoteAndNoContent() throws Exception {
        for (SyndicationFormat f : List.of(SyndicationFormat.NINJS_1_5, SyndicationFormat.NINJS_2_2, SyndicationFormat.NINJS_3_1)) {
            JsonNode n = json(f, SyndicationSamples.kill());
            String status = f == SyndicationFormat.NINJS_3_1 ? "pubStatus" : "pubstatus";
            assertThat(n.path(status).asText()).as(f.id()).isEqualTo("canceled");
            assertThat(n.path("version").asText()).as(f.id()).isEqualTo("2");
            assertThat(n.toString()).as(f.id()).contains("KILL").doesNotContain("cybersecurity", "Microsoft");
        }
    }

    @Test
    void ninjsCorrectionCarriesItsVersionNumber() throws Exception {
        assertThat(json(SyndicationFormat.NINJS_2_2, SyndicationSamples.correction()).path("version").asText()).isEqualTo("2");
        assertThat(json(SyndicationFormat.NINJS_2_2, SyndicationSamples.fixture()).path("version").asText()).isEqualTo("1");
    }

    @Test
    void newsMlG2ItemNamesItsStandardAndCarriesTheXhtmlBody() throws Exception {
        Element item = xml(SyndicationFormat.NEWSML_G2.render(SyndicationSamples.rich()));
        assertThat(item.getLocalName()).isEqualTo("newsItem");
        assertThat(item.getNamespaceURI()).isEqualTo(NewsMlG2Document.NAR);
        assertThat(item.getAttribute("standardversion")).isEqualTo("2.35");
        assertThat(item.getAttribute("version")).isEqualTo("1");
        assertThat(first(item, "pubStatus").getAttribute("qcode")).isEqualTo("stat:usable");
        assertThat(item.getElementsByTagNameNS(NewsMlG2Document.NAR, "signal").getLength()).isZero();
        assertThat(first(item, "link").getAttribute("href")).isEqualTo(SyndicationSamples.rich().getUrl());
        assertThat(first(item, "keyword").getTextContent()).isEqualTo("cyberspace");
        Element html = (Element) item.getElementsByTagNameNS(BodyXml.XHTML, "html").item(0);
        assertThat(html.getElementsByTagNameNS(BodyXml.XHTML, "h2").item(0).getTextContent()).isEqualTo("Subhead");
        assertThat(html.getElementsByTagNameNS(BodyXml.XHTML, "br").getLength()).isEqualTo(1);
        assertThat(html.getTextContent()).contains("<tags> & \"quotes\"", "\uD83D\uDE00").doesNotContain("\u0001");
    }

    @Test
    void newsMlG2KillIsCanceledWithAnUpdateSignalAndNoContent() throws Exception {
        Element item = xml(SyndicationFormat.NEWSML_G2.render(SyndicationSamples.kill()));
        assertThat(item.getAttribute("version")).isEqualTo("2");
        assertThat(first(item, "pubStatus").getAttribute("qcode")).isEqualTo("stat:canceled");
        assertThat(first(item, "signal").getAttribute("qcode")).isEqualTo("sig:update");
        assertThat(first(item, "edNote").getTextContent()).startsWith("KILL");
        assertThat(item.getElementsByTagNameNS(NewsMlG2Document.NAR, "contentSet").getLength()).isZero();
    }

    @Test
    void newsMlG2CorrectionIsTheNextVersionWithAnUpdateSignal() throws Exception {
        Element item = xml(SyndicationFormat.NEWSML_G2.render(SyndicationSamples.correction()));
        assertThat(item.getAttribute("version")).isEqualTo("2");
        assertThat(first(item, "signal").getAttribute("qcode")).isEqualTo("sig:update");
        assertThat(first(item, "pubStatus").getAttribute("qcode")).isEqualTo("stat:usable");
    }

    @Test
    void newsMlG2ListIsANewsMessageOfItems() throws Exception {
        List<PublishedArticle> articles = List.of(SyndicationSamples.fixture(), SyndicationSamples.kill());
        Element message = xml(SyndicationFormat.NEWSML_G2.renderList(articles, SyndicationSamples.NOW));
        assertThat(message.getLocalName()).isEqualTo("newsMessage");
        assertThat(first(message, "sent").getTextContent()).isEqualTo("2015-09-26T00:00:00Z");
        assertThat(message.getElementsByTagNameNS(NewsMlG2Document.NAR, "newsItem").getLength()).isEqualTo(2);
    }

    @Test
    void nitfNamesItsVersionAndMapsTheBodyOntoNitfElements() throws Exception {
        Element nitf = xml(SyndicationFormat.NITF.render(SyndicationSamples.rich()));
        assertThat(nitf.getAttribute("version")).isEqualTo("-//IPTC//DTD NITF 3.6//EN");
        assertThat(first(nitf, "docdata").getAttribute("management-status")).isEqualTo("usable");
        assertThat(first(nitf, "pubdata").getAttribute("ex-ref")).isEqualTo(SyndicationSamples.rich().getUrl());
        Element content = first(nitf, "body.content");
        List<String> blocks = new ArrayList<>();
        for (org.w3c.dom.Node c = content.getFirstChild(); c != null; c = c.getNextSibling()) {
            blocks.add(c.getLocalName());
        }
        assertThat(blocks).containsExactly("p", "hl2", "hl2", "hl2", "ul", "ol", "bq", "pre", "p", "p", "p", "p", "media");
        assertThat(content.getElementsByTagNameNS(NitfDocument.NS, "strong").getLength()).isZero();
        assertThat(content.getTextContent()).contains("u, code, small, 23", "definition", "loose text at the top");
        assertThat(first(nitf, "media-reference").getAttribute("source"))
                .isEqualTo("https://news.example.com/media/demo/photo%20one.jpg");
    }

    @Test
    void nitfKillHasCanceledStatusAKillMessageAndNoContent() throws Exception {
        Element nitf = xml(SyndicationFormat.NITF.render(SyndicationSamples.kill()));
        assertThat(first(nitf, "docdata").getAttribute("management-status")).isEqualTo("canceled");
        assertThat(first(nitf, "ed-msg").getAttribute("msg-type")).isEqualTo("kill");
        assertThat(first(nitf, "du-key").getAttribute("version")).isEqualTo("2");
        assertThat(nitf.getElementsByTagNameNS(NitfDocument.NS, "body.content").getLength()).isEqualTo(1); // the note's
        assertThat(first(nitf, "note").getAttribute("type")).isEqualTo("npa");
    }

    @Test
    void nitfCorrectionSaysWhichVersionItIs() throws Exception {
        Element nitf = xml(SyndicationFormat.NITF.render(SyndicationSamples.correction()));
        assertThat(first(nitf, "correction").getAttribute("info")).contains("Version 2");
        assertThat(first(nitf, "du-key").getAttribute("version")).isEqualTo("2");
        assertThat(xml(SyndicationFormat.NITF.render(SyndicationSamples.fixture()))
                .getElementsByTagNameNS(NitfDocument.NS, "correction").getLength()).isZero();
    }

    @Test
    void nitfHoldsOneArticleSoListsAreRefused() {
        assertThat(SyndicationFormat.NITF.rendersLists()).isFalse();
        assertThatThrownBy(() -> SyndicationFormat.NITF.renderList(List.of(), SyndicationSamples.NOW))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everySampleIsWellFormedInEveryFormat() throws Exception {
        for (PublishedArticle p : SyndicationSamples.all().values()) {
            for (SyndicationFormat f : SyndicationFormat.values()) {
                byte[] doc = f.render(p);
                if (f.isNinjs()) {
                    assertThat(JSON.readTree(doc).path("uri").asText()).isEqualTo(p.getId());
                } else {
                    assertThat(xml(doc)).isNotNull();
                }
            }
        }
    }

    private static JsonNode json(SyndicationFormat f, PublishedArticle p) throws Exception {
        return JSON.readTree(f.render(p));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Element xml(byte[] doc) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(doc));
        return d.getDocumentElement();
    }

    private static Element first(Element root, String localName) {
        NodeList list = root.getElementsByTagNameNS("*", localName);
        assertThat(list.getLength()).as(localName).isPositive();
        return (Element) list.item(0);
    }
}
