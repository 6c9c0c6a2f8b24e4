package io.inkstream.app;

import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.Settings;
import io.inkstream.platform.kafka.TopicProvisioner;
import io.inkstream.renderer.PartnerAdmin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inkstream partners add|list|remove}: manage syndication partners on the cluster (syndication.partners),
 * which every renderer follows. The API key (and push secret) is printed once, on add.
 */
@Command(name = "partners", mixinStandardHelpOptions = true,
        description = "Manage syndication partners on the cluster (see README, For syndication partners).",
        subcommands = {PartnersCommand.Add.class, PartnersCommand.ListPartners.class, PartnersCommand.Remove.class})
final class PartnersCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: inkstream partners add|list|remove (--help for each)");
    }

    /** The cluster the settings name, its topics created if missing. */
    static PartnerAdmin admin(Path config) {
        InkstreamConfig configured = InkstreamConfig.from(Settings.load(config, Map.of()));
        ServiceContext context = ServiceContext.from(configured.common(), configured.settings(), new SimpleMeterRegistry());
        TopicProvisioner.ensure(context.bootstrapServers(), context.topics().all());
        return new PartnerAdmin(context);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a partner; prints its API key once.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", description = "the partner's id (letters, digits, . - _)")
        String id;
        @Option(names = "--format", defaultValue = "ninjs-2.2", description = "syndication format id (default ${DEFAULT-VALUE})")
        String format;
        @Option(names = "--section", split = ",", description = "only these sections") List<String> sections = new ArrayList<>();
        @Option(names = "--subject", split = ",", description = "only these subjects or codes (medtop:11000000)") List<String> subjects = new ArrayList<>();
        @Option(names = "--agency", split = ",", description = "only these source agencies") List<String> agencies = new ArrayList<>();
        @Option(names = "--language", split = ",", description = "only these languages (en matches en-GB)") List<String> languages = new ArrayList<>();
        @Option(names = "--pubstatus", split = ",", description = "only usable and/or canceled") List<String> pubStatuses = new ArrayList<>();
        @Option(names = "--push", description = "push each item to this http(s) URL (besides the pull feed)") String url;
        @Option(names = "--secret", description = "push secret (default: one is made and printed)") String secret;
        @Option(names = "--rate", defaultValue = "0", description = "feed requests per minute (0: the setting's)") int rate;
        @Option(names = "--config", description = "A properties file with settings.") Path config;

        @Override
        public Integer call() throws Exception {
            PartnerAdmin.Added added = admin(config).add(id, format,
                    new PartnerAdmin.Filter(sections, subjects, agencies, languages, pubStatuses),
                    url == null ? "pull" : "push", url, secret, rate);
            System.out.println("added partner " + id + ": " + added.partner());
            System.out.println("API key (shown once, keep it): " + added.apiKey());
            if (added.secret() != null) {
                System.out.println("push secret (shown once, keep it): " + added.secret());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the partners (never keys or secrets).")
    static final class ListPartners implements Runnable {
        @Option(names = "--config", description = "A properties file with settings.") Path config;

        @Override
        public void run() {
            List<Map<String, Object>> partners = admin(config).list();
            partners.forEach(p -> System.out.println(p));
            System.out.println(partners.size() + " partners");
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a partner and its positions.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", description = "the partner's id") String id;
        @Option(names = "--config", description = "A properties file with settings.") Path config;

        @Override
        public Integer call() throws Exception {
            if (!admin(config).remove(id)) {
                System.err.println("no partner " + id);
                return 1;
            }
            System.out.println("removed partner " + id);
            return 0;
        }
    }
}
