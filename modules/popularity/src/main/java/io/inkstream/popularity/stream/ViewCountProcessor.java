package io.inkstream.popularity.stream;

import io.inkstream.events.PageView;
import io.inkstream.popularity.PopularityConfig;
import io.inkstream.platform.http.BotDetector;
import io.inkstream.popularity.count.RollingCounter;
import io.inkstream.popularity.count.ViewDeduplicator;
import io.inkstream.popularity.count.VisitorSketches;
import io.inkstream.popularity.count.Window;
import io.inkstream.popularity.rank.ArticleCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each view that is not a bot, not later than the grace period and not a visitor's repeat into
 * its article's minute bucket, and once per emit interval reports every article whose count changed
 * (new views, or minutes that left the window by stream time or wall-clock time) to the ranking of
 * "all" and of its section.
 */
public final class ViewCountProcessor implements Processor<String, PageView, String, ArticleCount> {

    private static final Logger LOG = LoggerFactory.getLogger(ViewCountProcessor.class);
    static final String ALL = "all";
    private static final String WATERMARK = "newest-view";

    private final PopularityConfig config;
    private final BotDetector bots;
    private ProcessorContext<String, ArticleCount> context;
    private RollingCounter counter;
    private ViewDeduplicator dedup;
    private VisitorSketches visitors;
    private KeyValueStore<String, ArticleInfo> articles;
    private KeyValueStore<String, Long> changed;
    private KeyValueStore<String, Long> clock;
    private Sensor lateViews;
    private Sensor botViews;
    private Sensor repeatViews;
    private Sensor futureViews;
    /** Newest view time seen; lateness is measured against it, not against the task's stream time. */
    private long newestView = Long.MIN_VALUE;
    private long expiredBefore = Long.MIN_VALUE;

    public ViewCountProcessor(PopularityConfig config) {
        this.config = config;
        this.bots = new BotDetector(config.botMarkers());
    }

    @Override
    public void init(ProcessorContext<String, ArticleCount> context) {
        this.context = context;
        counter = new RollingCounter(context.getStateStore(StoreNames.MINUTE_BUCKETS), context.getStateStore(StoreNames.ARTICLE_VIEWS));
        dedup = new ViewDeduplicator(context.getStateStore(StoreNames.COUNTED_VIEWS), config.dedupWindow());
        visitors = new VisitorSketches(context.getStateStore(StoreNames.VISITOR_SKETCHES));
        articles = context.getStateStore(StoreNames.ARTICLES);
        changed = context.getStateStore(StoreNames.CHANGED_ARTICLES);
        clock = context.getStateStore(StoreNames.VIEW_CLOCK);
        Long restored = clock.get(WATERMARK);
        newestView = restored == null ? Long.MIN_VALUE : restored;
        lateViews = counterSensor("late-views", "Views that arrived later than the grace period and were not counted");
        botViews = counterSensor("bot-views", "Views from bots, never counted");
        repeatViews = counterSensor("repeat-views", "Repeat views of one visitor within the dedup window, counted once");
        futureViews = counterSensor("future-views", "Views dated more than the grace period ahead of the wall clock, never counted");
        // Wall-clock time, so that minutes leave the window even when no view arrives.
        context.schedule(config.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, PageView> record) {
        PageView view = record.value();
        if (view == null) {
            return;
        }
        if (bots.isBot(view)) {
            botViews.record();
            return;
        }
        long viewedAt = view.getViewedAt().toEpochMilli();
        // A view from the future (a visitor's wrong clock, a forged beacon) would move the counting clock ahead and
        // make every true view late: refused, like a late one, and counted in its own metric (#16).
        if (viewedAt > context.currentSystemTimeMs() + config.grace().toMillis()) {
            LOG.debug("Future view of {} at {} (wall clock {})", view.getArticleId(), viewedAt, context.currentSystemTimeMs());
            futureViews.record();
            return;
        }
        if (newestView != Long.MIN_VALUE && viewedAt < newestView - config.grace().toMillis()) {
            LOG.debug("Late view of {} at {} (newest view {})", view.getArticleId(), viewedAt, newestView);
            lateViews.record();
            return;
        }
        if (viewedAt > newestView) {
            newestView = viewedAt;
            clock.put(WATERMARK, viewedAt);
        }
        Window window = Window.last24Hours(now());
        if (!window.contains(viewedAt)) {
            lateViews.record();
            return;
        }
        expire(window);
        String articleId = view.getArticleId();
        if (!dedup.firstInSpan(articleId, view.getVisitorHash(), viewedAt)) {
            repeatViews.record();
            return;
        }
        counter.add(articleId, viewedAt);
        visitors.add(articleId, view.getVisitorHash(), viewedAt);
        rememberSection(articleId, view.getSection());
        markChanged(articleId, viewedAt);
    }

    /** A popular article is marked once per report, not once per view: every write is a changelog record. */
    private void markChanged(String articleId, long at) {
        if (changed.get(articleId) == null) {
            changed.put(articleId, at);
        }
    }

    private void tick(long wallClockMs) {
        long now = now();
        Window window = Window.last24Hours(now);
        expire(window);
        report(window, now);
    }

    /** The counting clock: wall-clock time, or the newest view time when views run ahead of it (replays, tests). */
    private long now() {
        return Math.max(newestView, context.currentSystemTimeMs());
    }

    private void expire(Window window) {
        if (window.startMs() <= expiredBefore) {
            return;
        }
        counter.expireBefore(window.startMs(), id -> markChanged(id, window.startMs()));
        visitors.expireBefore(window.startMs(), id -> markChanged(id, window.startMs()));
        expiredBefore = window.startMs();
    }

    private void rememberSection(String articleId, String section) {
        if (section == null) {
            return;
        }
        ArticleInfo info = articles.get(articleId);
        if (info == null || info.section() == null) {
            articles.put(articleId, (info == null ? ArticleInfo.UNKNOWN : info).withSection(section));
        }
    }

    private void report(Window window, long now) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = changed.all()) {
            it.forEachRemaining(kv -> ids.add(kv.key));
        }
        for (String id : ids) {
            report(id, window, now);
            changed.delete(id);
        }
    }

    private void report(String articleId, Window window, long now) {
        ArticleInfo stored = articles.get(articleId);
        ArticleInfo info = stored == null ? ArticleInfo.UNKNOWN : stored;
        long views = counter.views(articleId);
        ArticleInfo after;
        if (views == 0 || info.hidden()) {
            ArticleCount out = ArticleCount.dropOut(articleId);
            if (info.ranked()) {
                send(ALL, out, now);
            }
            if (info.rankedSection() != null) {
                send(info.rankedSection(), out, now);
            }
            after = info.rankedIn(false, null);
        } else {
            // HLL can overshoot, and its oldest hour counts whole: never show more visitors than views.
            long unique = Math.min(views, visitors.estimate(articleId, window));
            ArticleCount count = new ArticleCount(articleId, views, unique, info.headline(), info.canonicalPath(), info.section());
            String scope = info.sectionScope();
            send(ALL, count, now);
            if (scope != null) {
                send(scope, count, now);
            }
            if (info.rankedSection() != null && !info.rankedSection().equals(scope)) {
                send(info.rankedSection(), ArticleCount.dropOut(articleId), now);
            }
            after = info.rankedIn(true, scope);
        }
        if (after.forgettable()) {
            if (stored != null) {
                articles.delete(articleId);
            }
        } else if (!after.equals(stored)) {
            articles.put(articleId, after);
        }
    }

    private void send(String scope, ArticleCount count, long now) {
        context.forward(new Record<>(scope, count, now));
    }

    @Override
    public void close() {
        // Sensors outlive tasks otherwise; a reassigned task would fail to register them again.
        context.metrics().removeSensor(lateViews);
        context.metrics().removeSensor(botViews);
        context.metrics().removeSensor(repeatViews);
        context.metrics().removeSensor(futureViews);
    }

    private Sensor counterSensor(String name, String description) {
        Sensor sensor = context.metrics().addSensor("popularity-" + name + "-" + context.taskId(), Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName("popularity-" + name + "-total", "popularity-metrics", description,
                Map.of("task-id", context.taskId().toString())), new CumulativeCount());
        return sensor;
    }
}
