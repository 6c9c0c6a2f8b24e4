package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The real WENN Atom file, checked for what superdesk-core's wenn_parser_test asserts for it, and beyond. */
class RealWireAtomTest {

    /**
     * Superdesk's guid is WENN's original_article_id ("1369426"); here it is the source id, prefixed
     * "wenn:" so that it cannot meet another agency's numeric id.
     */
    @Test
    void wennAtomGivesTwoStoriesWithWennTimesStandfirstTagsAndEntertainmentCodes() {
        RealWire.Result result = RealWire.pushed("atom/wenn.xml");

        assertThat(result.format()).isEqualTo("atom");
        assertThat(result.articles()).hasSize(2);
        Article first = result.articles().get(0);
        Article second = result.articles().get(1);
        assertThat(first.getHeadline()).isEqualTo("Suge Knight involved in fatal hit and run incident");
        assertThat(second.getHeadline()).isEqualTo("Jagged Edge singer Kyle Norman arrested over domestic assault");
        assertThat(first.getSubheadline()).isEqualTo("Police officials in Los Angeles are investigating a fatal hit and run incident involving"
                + " rap mogul SUGE KNIGHT on Thursday (29Jan15).");
        assertThat(second.getSubheadline()).isEqualTo("JAGGED EDGE singer KYLE NORMAN has been arrested by police in Atlanta, Georgia amid"
                + " allegations of aggravated assault.");
        assertThat(first.getSubjectCodes()).containsExactly("anpa:e", "subj:01000000");
        assertThat(second.getSubjectCodes()).containsExactly("anpa:e", "subj:01000000");
        assertThat(first.getSection()).isEqualTo("Entertainment");
        assertThat(first.getFirstCreated()).isEqualTo(Instant.parse("2015-01-30T00:33:06Z"));
        assertThat(first.getVersionCreated()).isEqualTo(Instant.parse("2015-01-30T02:40:56Z"));
        assertThat(first.getParagraphs()).containsExactly("This is body content1.");
        assertThat(second.getParagraphs()).containsExactly("This is body content2.");
        assertThat(first.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(first.getPriority()).isEqualTo(5);
        assertThat(first.getType()).isEqualTo(ContentType.text);
        assertThat(first.getProvenance().getSourceId()).isEqualTo("wenn:1369426");
        assertThat(second.getProvenance().getSourceId()).isEqualTo("wenn:1369417");
        assertThat(first.getSubjects()).containsSubsequence("Suge Knight", "Tmz.Com", "Compton");
        assertThat(second.getSubjects()).containsSubsequence("Jagged Edge", "Where The Party At", "Usmagazine.Com", "Kyle Norman");
        assertThat(first.getLanguage()).isEqualTo("en-GB");
    }
}
