package io.inkstream.enrich.entity;

import io.inkstream.enrich.TestArticles;
import io.inkstream.enrich.text.ArticleText;
import io.inkstream.events.Entity;
import io.inkstream.events.EntityKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EntityExtractorTest {

    private static EntityExtractor extractor;

    @BeforeAll
    static void loadGazetteer() {
        extractor = new EntityExtractor(Gazetteer.builtIn());
    }

    @Test
    void fixtureNamesXiMicrosoftTheJournalAndItsPlaces() {
        List<Entity> entities = extractor.extract(ArticleText.forEntities(TestArticles.fixture().build()));

        assertThat(entities).extracting(Entity::getName, Entity::getKind).contains(
                tuple("Xi Jinping", EntityKind.PERSON),
                tuple("Meng Jianzhu", EntityKind.PERSON),
                tuple("China Daily", EntityKind.ORGANIZATION),
                tuple("Microsoft", EntityKind.ORGANIZATION),
                tuple("The Wall Street Journal", EntityKind.ORGANIZATION),
                tuple("Seattle", EntityKind.PLACE),
                tuple("China", EntityKind.PLACE),
                tuple("U.S.", EntityKind.PLACE));
        assertThat(entities).extracting(Entity::getName).doesNotHaveDuplicates()
                .doesNotContain("Chinese", "Internet", "Cybersecurity", "Xi");
    }

    @Test
    void allFormsOfXiMergeIntoXiJinping() {
        List<Entity> entities = extractor.extract(ArticleText.forEntities(TestArticles.fixture().build()));

        Entity xi = find(entities, "Xi Jinping");
        assertThat(xi.getAliases()).contains("Xi", "President Xi Jinping");
        // the headline, "President Xi Jinping", then four times "Xi" in the body
        assertThat(xi.getMentions()).isEqualTo(6);
        assertThat(xi.getFirstOffset()).isZero();
        assertThat(entities).extracting(Entity::getMentions).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void countsEveryFormOfAPlaceAndRemembersWhereItFirstAppears() {
        String text = "Talks in Seattle\n\nThe United States and China met. Officials in the U.S. said so.";

        Entity us = find(extractor.extract(text), "U.S.");

        assertThat(us.getKind()).isEqualTo(EntityKind.PLACE);
        assertThat(us.getMentions()).isEqualTo(2);
        assertThat(us.getFirstOffset()).isEqualTo(text.indexOf("United States"));
        assertThat(us.getAliases()).containsExactly("United States");
    }

    @Test
    void unknownNameAfterATitleIsAPersonAndItsSurnameAloneMergesIntoIt() {
        List<Entity> entities = extractor.extract(
                "Prime Minister Jacinda Ardern arrived on Monday. Ardern met students in Auckland.");

        Entity ardern = find(entities, "Jacinda Ardern");
        assertThat(ardern.getKind()).isEqualTo(EntityKind.PERSON);
        assertThat(ardern.getMentions()).isEqualTo(2);
        assertThat(ardern.getAliases()).containsExactly("Prime Minister Jacinda Ardern", "Ardern");
    }

    @Test
    void capitalizedNameEndingInAnOrganizationWordIsAnOrganization() {
        List<Entity> entities = extractor.extract("Officials of the Cyberspace Administration met the "
                + "Shenzhen Internet Association on Friday.");

        assertThat(entities).extracting(Entity::getName, Entity::getKind).contains(
                tuple("Cyberspace Administration", EntityKind.ORGANIZATION),
                tuple("Shenzhen Internet Association", EntityKind.ORGANIZATION));
    }

    @Test
    void chineseFormsAreFoundInChineseText() {
        List<Entity> entities = extractor.extract("国家主席习近平在西雅图会见微软公司代表。习近平表示，中美两国应加强合作。");

        assertThat(entities).extracting(Entity::getName, Entity::getKind).contains(
                tuple("Xi Jinping", EntityKind.PERSON),
                tuple("Seattle", EntityKind.PLACE),
                tuple("Microsoft", EntityKind.ORGANIZATION));
        assertThat(find(entities, "Xi Jinping").getMentions()).isEqualTo(2);
    }

    private static Entity find(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + entities));
    }
}
