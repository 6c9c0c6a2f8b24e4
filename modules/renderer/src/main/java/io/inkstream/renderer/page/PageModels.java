package io.inkstream.renderer.page;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.MediaItem;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.RelatedArticle;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.RankingStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the view of each page from the stores: what an article page, a listing or a panel shows,
 * formatted and link-checked, with no HTML in it (the templates escape everything).
 */
public final class PageModels {

    static final String ALL = "all";
    private static final int PANEL_SIZE = 5;
    private static final int TOP_NEWS_POOL = 50;
    private static final Predicate<EnrichedArticle> HAS_PHOTO = e -> firstPhotoUrl(e) != null;
    private static final Predicate<EnrichedArticle> HAS_VIDEO = e -> e.getArticle().getType() == ContentType.video
            || e.getArticle().getMedia().stream().anyMatch(m -> m.getType() == ContentType.video);

    private final ArticleStore articles;
    private final RankingStore rankings;
    private final SiteConfig site;
    private final AssetPaths assets;
    private final ArticleStore.Subset withPhoto;
    private final ArticleStore.Subset withVideo;
    /** The menu's sections, rebuilt only when the store's section list changes. */
    private volatile KnownSections known = new KnownSections(null, List.of(), List.of(), Map.of());

    /** The site's sections for one version of the store's list: names in menu order, their slugs, name by slug. */
    private record KnownSections(List<String> fromStore, List<String> names, List<String> slugs,
                                 Map<String, String> nameBySlug) {}

    public PageModels(ArticleStore articles, RankingStore rankings, SiteConfig site, AssetPaths assets) {
        this.articles = articles;
        this.rankings = rankings;
        this.site = site;
        this.assets = assets;
        this.withPhoto = articles.index(HAS_PHOTO);
        this.withVideo = articles.index(HAS_VIDEO);
    }

    public SiteConfig site() {
        return site;
    }

    public ArticleView article(EnrichedArticle e) {
        Article a = e.getArticle();
        SourceTime published = SourceTime.of(ArticleStore.shownAt(e), a.getPublishedOffset(), site.defaultZone());
        SourceTime updated = a.getVersion() > 1
                ? SourceTime.of(a.getVersionCreated(), a.getPublishedOffset(), site.defaultZone()) : null;
        List<PhotoView> photos = photos(a);
        List<LinkView> links = new ArrayList<>();
        List<ParagraphView> paragraphs = List.of();
        String bodyHtml = null;
        if (a.getBodyHtml() != null && !a.getBodyHtml().isBlank()) {
            bodyHtml = BodyFormatter.sanitize(a.getBodyHtml());
        } else {
            paragraphs = BodyFormatter.paragraphs(a, links);
        }
        String scope = ArticleStore.sectionSlug(a.getSection());
        return new ArticleView(
                a.getId(), a.getHeadline(), a.getSubheadline(), a.getSection(),
                scope == null ? null : sectionPath(scope), scope,
                a.getByline(), a.getSourceAgency(), a.getEditor(), a.getDatelinePlace(),
                published.shown(), published.iso(),
                updated == null ? null : updated.shown(), updated == null ? null : updated.iso(),
                e.getSummary(), photos, paragraphs, bodyHtml, links,
                related(e), alsoFrom(e), popular(scope), topNews(), photoPanel(), videoPanel(),
                share(e), "/print" + e.getCanonicalPath(), e.getCanonicalPath());
    }

    /** The head of an article page: canonical URL, OpenGraph and NewsArticle structured data. */
    public Head articleHead(EnrichedArticle e, ArticleView v, boolean print) {
        SourceTime modified = SourceTime.of(e.getArticle().getVersionCreated(), e.getArticle().getPublishedOffset(),
                site.defaultZone());
        String image = v.photos().stream().map(PhotoView::url).filter(u -> u != null).findFirst().orElse(null);
        String jsonLd = print ? null : JsonLd.newsArticle(e, site, v.publishedIso(), modified.iso(), v.photos());
        return new Head(lang(e), v.headline(), e.getSummary(), site.absolute(e.getCanonicalPath()), "article", image,
                v.publishedIso(), v.section(), jsonLd, print, site.siteName(), menu(v.sectionScope()),
                assets.cssHref(), assets.jsHref(), year());
    }

    /** The head of any other page. */
    public Head head(String title, String description, String canonicalPath, boolean noindex, String currentScope) {
        return new Head("en", title, description, canonicalPath == null ? null : site.absolute(canonicalPath),
                "website", null, null, null, null, noindex, site.siteName(), menu(currentScope),
                assets.cssHref(), assets.jsHref(), year());
    }

    private int year() {
        return java.time.Year.now(site.defaultZone()).getValue();
    }

    /** The home page (section null) or a section page, newest first; pages count from 1. */
    public ListingView listing(String sectionSlug, String heading, int page) {
        int size = site.pageSize();
        List<Teaser> items = articles.latest(sectionSlug, (page - 1) * size, size).stream().map(this::teaser).toList();
        int total = articles.count(sectionSlug);
        String base = sectionSlug == null ? "/" : sectionPath(sectionSlug);
        String newer = page > 1 ? (page == 2 ? base : base + "?page=" + (page - 1)) : null;
        String older = page * size < total ? base + "?page=" + (page + 1) : null;
        String feed = sectionSlug == null ? "/feeds/rss.xml" : "/feeds/" + sectionSlug + "/rss.xml";
        return new ListingView(heading, items, page, newer, older, popular(sectionSlug), topNews(), feed);
    }

    /** The section's display name for a slug, if the site knows it. */
    public Optional<String> sectionName(String slug) {
        return Optional.ofNullable(knownSections().nameBySlug().get(slug));
    }

    /** "Most popular in 24h": the section's list first (when there is one), then the whole site's. */
    public List<PopularPanel> popular(String sectionScope) {
        List<PopularPanel> panels = new ArrayList<>();
        if (sectionScope != null) {
            String name = sectionName(sectionScope).orElse(sectionScope);
            panels.add(popularPanel(sectionScope, "In " + name, "popular-list-section"));
        }
        panels.add(popularPanel(ALL, "All sections", "popular-list"));
        return panels;
    }

    /** "All sections" for the site-wide ranking, else the section's name. */
    public String scopeTitle(String scope) {
        return ALL.equals(scope) ? "All sections" : sectionName(scope).orElse(scope);
    }

    /**
     * One scope's ranking as links; entries whose article is unknown here or killed are left out, and the
     * copies of one story are one entry (the story's first article, with the views of all its members).
     */
    public PopularPanel popularPanel(String scope, String title, String listId) {
        Map<String, PopularPanel.Item> byStory = new LinkedHashMap<>();
        for (RankingEntry entry : rankings.get(scope).map(Ranking::getEntries).orElse(List.of())) {
            item(entry).ifPresent(item -> byStory.merge(item.story(), item.panelItem(),
                    (a, b) -> new PopularPanel.Item(a.rank(), a.headline(), a.href(), a.views() + b.views())));
        }
        List<PopularPanel.Item> merged = new ArrayList<>(byStory.values());
        merged.sort(Comparator.comparingLong(PopularPanel.Item::views).reversed()
                .thenComparingInt(PopularPanel.Item::rank));
        List<PopularPanel.Item> items = new ArrayList<>();
        for (PopularPanel.Item i : merged.subList(0, Math.min(10, merged.size()))) {
            items.add(new PopularPanel.Item(items.size() + 1, i.headline(), i.href(), i.views()));
        }
        return new PopularPanel(scope, title, listId, items);
    }

    /** When the ranking of a scope was computed, for Last-Modified. */
    public Instant rankingTime(String scope) {
        return rankings.get(scope).map(Ranking::getComputedAt).orElse(Instant.EPOCH);
    }

    /** A ranking entry as shown, with the story it stands for. */
    private record RankedStory(String story, PopularPanel.Item panelItem) {
    }

    private Optional<RankedStory> item(RankingEntry entry) {
        Optional<EnrichedArticle> known = articles.storyEntry(entry.getArticleId());
        if (known.isEmpty() && (articles.isKilled(entry.getArticleId()) || entry.getCanonicalPath() == null)) {
            return Optional.empty();
        }
        String headline = known.map(k -> k.getArticle().getHeadline()).orElse(entry.getHeadline());
        String href = known.map(EnrichedArticle::getCanonicalPath).orElse(entry.getCanonicalPath());
        if (headline == null || SafeUrl.orNull(href) == null) {
            return Optional.empty();
        }
        String story = known.map(ArticleStore::storyOf).orElse(entry.getArticleId());
        return Optional.of(new RankedStory(story, new PopularPanel.Item(entry.getRank(), headline, href, entry.getViews())));
    }

    public List<Teaser> topNews() {
        return articles.topNews(TOP_NEWS_POOL, PANEL_SIZE).stream().map(this::teaser).toList();
    }

    private List<Teaser> photoPanel() {
        return articles.latestIn(withPhoto, 0, 4).stream().map(this::teaser).toList();
    }

    private List<Teaser> videoPanel() {
        return articles.latestIn(withVideo, 0, 4).stream().map(this::teaser).toList();
    }

    /** Related news, one entry per story, never the article's own story. */
    private List<Teaser> related(EnrichedArticle e) {
        List<Teaser> out = new ArrayList<>();
        Set<String> stories = new HashSet<>();
        stories.add(ArticleStore.storyOf(e));
        for (RelatedArticle r : e.getRelated()) {
            if (articles.isKilled(r.getId())) {
                continue;
            }
            Optional<ArticleStore.Link> known = articles.linkOf(r.getId());
            if (!stories.add(known.map(ArticleStore.Link::story).orElse(r.getId()))) {
                continue;
            }
            String href = known.map(ArticleStore.Link::canonicalPath).orElse(r.getCanonicalPath());
            if (SafeUrl.orNull(href) == null) {
                continue;
            }
            SourceTime t = r.getPublishedAt() == null ? null
                    : SourceTime.of(r.getPublishedAt(), null, site.defaultZone());
            out.add(new Teaser(r.getHeadline(), href, t == null ? null : t.shown(), t == null ? null : t.iso(),
                    null, null, null));
        }
        return out;
    }

    /** "Also from ...": the other versions of the article's story, each named by its agency (or headline). */
    private List<LinkView> alsoFrom(EnrichedArticle e) {
        List<LinkView> out = new ArrayList<>();
        for (EnrichedArticle other : articles.alsoFrom(e)) {
            Article a = other.getArticle();
            String name = a.getSourceAgency() != null && !a.getSourceAgency().isBlank()
                    ? a.getSourceAgency() + ": " + a.getHeadline() : a.getHeadline();
            out.add(new LinkView(name, other.getCanonicalPath()));
        }
        return out;
    }

    public Teaser teaser(EnrichedArticle e) {
        Article a = e.getArticle();
        SourceTime t = SourceTime.of(ArticleStore.shownAt(e), a.getPublishedOffset(), site.defaultZone());
        MediaItem photo = a.getMedia().stream().filter(m -> SafeUrl.orNull(m.getUrl()) != null
                && m.getType() == ContentType.picture).findFirst().orElse(null);
        return new Teaser(a.getHeadline(), e.getCanonicalPath(), t.shown(), t.iso(), e.getSummary(),
                photo == null ? null : photo.getUrl(), photo == null ? null : altOf(photo));
    }

    private static String firstPhotoUrl(EnrichedArticle e) {
        return e.getArticle().getMedia().stream().filter(m -> m.getType() == ContentType.picture)
                .map(m -> SafeUrl.orNull(m.getUrl())).filter(u -> u != null).findFirst().orElse(null);
    }

    /** Photos with the caption shown once; the credit is shown apart unless the caption already names it. */
    private static List<PhotoView> photos(Article a) {
        List<PhotoView> out = new ArrayList<>();
        for (MediaItem m : a.getMedia()) {
            if (m.getType() != ContentType.picture && m.getType() != ContentType.graphic) {
                continue;
            }
            String caption = m.getCaption() == null ? null : m.getCaption().strip();
            String credit = m.getCredit() == null ? null : m.getCredit().strip();
            if (credit != null && caption != null && caption.contains(credit)) {
                credit = null;
            }
            out.add(new PhotoView(SafeUrl.orNull(m.getUrl()), altOf(m), caption, credit));
        }
        return out;
    }

    private static String altOf(MediaItem m) {
        if (m.getAlt() != null && !m.getAlt().isBlank()) {
            return m.getAlt();
        }
        return m.getCaption() == null ? "" : m.getCaption();
    }

    private List<LinkView> share(EnrichedArticle e) {
        String url = enc(site.absolute(e.getCanonicalPath()));
        String title = enc(e.getArticle().getHeadline());
        return List.of(
                new LinkView("X", "https://twitter.com/intent/tweet?url=" + url + "&text=" + title),
                new LinkView("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url),
                new LinkView("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + url),
                new LinkView("Email", "mailto:?subject=" + title + "&body=" + url));
    }

    private List<MenuItem> menu(String currentScope) {
        List<MenuItem> out = new ArrayList<>();
        out.add(new MenuItem("News", "/", currentScope == null));
        KnownSections k = knownSections();
        for (int i = 0; i < k.names().size(); i++) {
            String slug = k.slugs().get(i);
            out.add(new MenuItem(k.names().get(i), sectionPath(slug), slug.equals(currentScope)));
        }
        return out;
    }

    /** The configured sections, then those only the store has; the store returns the same list until one changes. */
    private KnownSections knownSections() {
        List<String> fromStore = articles.sections();
        KnownSections k = known;
        if (k.fromStore() == fromStore) {
            return k;
        }
        Map<String, String> bySlug = new LinkedHashMap<>();
        site.menuSections().forEach(s -> bySlug.putIfAbsent(ArticleStore.sectionSlug(s), s));
        fromStore.forEach(s -> bySlug.putIfAbsent(ArticleStore.sectionSlug(s), s));
        k = new KnownSections(fromStore, List.copyOf(bySlug.values()), List.copyOf(bySlug.keySet()),
                Collections.unmodifiableMap(bySlug));
        known = k;
        return k;
    }

    /** The page language: what enrich detected, else what the source declared, else English. */
    public static String lang(EnrichedArticle e) {
        String l = e.getLanguage();
        if (l == null || l.isBlank() || l.equals("und")) {
            l = e.getArticle().getLanguage();
        }
        return l == null || l.isBlank() ? "en" : l;
    }

    public static String sectionPath(String slug) {
        return "/" + slug + "/";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
