package io.inkstream.renderer.publish;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Entity;
import io.inkstream.events.EntityKind;
import io.inkstream.events.Keyword;
import io.inkstream.events.MediaItem;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.PublishedLink;
import io.inkstream.events.RelatedArticle;
import io.inkstream.renderer.page.BodyFormatter;
import io.inkstream.renderer.page.PageModels;
import io.inkstream.renderer.page.SafeUrl;
import io.inkstream.renderer.page.SiteConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What syndication partners receive for an enriched article version: a usable article becomes its public
 * version (absolute URL, sanitized body); a killed one becomes a canceled version followed by a tombstone;
 * one that is withheld, or still under embargo, is withdrawn with a tombstone and nothing of it leaves.
 */
public final class PublishedArticles {

    private PublishedArticles() {
    }

    /**
     * The records to write to articles.published for one record of articles.enriched, in order;
     * a null element is a tombstone.
     *
     * @param now the processing time, to hold back articles still under embargo
     */
    public static List<PublishedArticle> recordsFor(EnrichedArticle e, SiteConfig site, Instant now) {
        if (e == null) {
            return Collections.singletonList(null);
        }
        Article a = e.getArticle();
        if (a.getPubStatus() == PubStatus.canceled) {
            return Arrays.asList(canceled(e, site), null);
        }
        boolean embargoed = a.getEmbargoUntil() != null && a.getEmbargoUntil().isAfter(now);
        if (a.getPubStatus() == PubStatus.withheld || embargoed) {
            return Collections.singletonList(null);
        }
        return List.of(published(e, site));
    }

    /** The public version of a usable article. */
    public static PublishedArticle published(EnrichedArticle e, SiteConfig site) {
        Article a = e.getArticle();
        return base(e, site)
                .setPubStatus(PubStatus.usable)
                .setSummary(e.getSummary())
                .setBodyHtml(BodyFormatter.html(a))
                .setMedia(media(a.getMedia()))
                .setKeywords(e.getKeywords().stream().map(Keyword::getTerm).toList())
                .setPeople(names(e, EntityKind.PERSON))
                .setOrganisations(names(e, EntityKind.ORGANIZATION))
                .setPlaces(names(e, EntityKind.PLACE))
                .setRelated(related(e.getRelated(), site))
                .setRelatedUpdatedAt(e.getRelatedUpdatedAt())
                .build();
    }

    /**
     * Whether the record only refreshes the related list of a version published before (decision 0033): it
     * goes to the compacted articles.published, not to the partners' log of versions.
     */
    public static boolean isRelatedRefresh(PublishedArticle p) {
        return p.getRelatedUpdatedAt() != null;
    }

    /** Related news as the page links it; unsafe paths dropped. */
    private static List<PublishedLink> related(List<RelatedArticle> related, SiteConfig site) {
        List<PublishedLink> out = new ArrayList<>();
        for (RelatedArticle r : related) {
            if (SafeUrl.orNull(r.getCanonicalPath()) != null) {
                out.add(PublishedLink.newBuilder().setId(r.getId()).setUrl(site.absolute(r.getCanonicalPath()))
                        .setHeadline(r.getHeadline()).build());
            }
        }
        return out;
    }

    /** The notice that a killed article is withdrawn: its identity and URL, none of its content. */
    static PublishedArticle canceled(EnrichedArticle e, SiteConfig site) {
        return base(e, site).setPubStatus(PubStatus.canceled).setSummary("").setBodyHtml("").build();
    }

    private static PublishedArticle.Builder base(EnrichedArticle e, SiteConfig site) {
        Article a = e.getArticle();
        return PublishedArticle.newBuilder()
                .setId(a.getId())
                .setVersion(a.getVersion())
                .setType(a.getType())
                .setUrl(site.absolute(e.getCanonicalPath()))
                .setHeadline(a.getHeadline())
                .setSubheadline(a.getSubheadline())
                .setByline(a.getByline())
                .setSection(a.getSection())
                .setSourceAgency(a.getSourceAgency())
                .setEditor(a.getEditor())
                .setLanguage(PageModels.lang(e))
                .setPublishedAt(a.getPublishedAt())
                .setFirstCreated(a.getFirstCreated())
                .setVersionCreated(a.getVersionCreated())
                .setSubjects(subjects(a));
    }

    /** The source's subjects, then its classification codes (scheme:code), each once. */
    private static List<String> subjects(Article a) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a.getSubjects());
        all.addAll(a.getSubjectCodes());
        return List.copyOf(all);
    }

    /** Media with unsafe URLs (anything but http(s) or a site path) dropped to null. */
    private static List<MediaItem> media(List<MediaItem> media) {
        List<MediaItem> out = new ArrayList<>();
        for (MediaItem m : media) {
            out.add(MediaItem.newBuilder().setType(m.getType()).setUrl(SafeUrl.orNull(m.getUrl()))
                    .setCaption(m.getCaption()).setCredit(m.getCredit()).setAlt(m.getAlt()).build());
        }
        return out;
    }

    private static List<String> names(EnrichedArticle e, EntityKind kind) {
        return e.getEntities().stream().filter(x -> x.getKind() == kind).map(Entity::getName).toList();
    }
}
