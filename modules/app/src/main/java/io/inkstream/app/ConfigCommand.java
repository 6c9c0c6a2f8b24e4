package io.inkstream.app;

import io.inkstream.platform.config.Setting;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code inkstream config}: the table of every setting, generated from their declarations. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every setting (property, environment variable, default, meaning) as a Markdown table.")
final class ConfigCommand implements Runnable {

    @Override
    public void run() {
        System.out.print(markdownTable());
    }

    /** Every declared setting: the common ones, the registry's, then each service's and the demo's. */
    static List<Setting<?>> allSettings() {
        return InkstreamConfig.allSettings();
    }

    static String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| property | environment variable | type | default | meaning |\n");
        table.append("|---|---|---|---|---|\n");
        for (Setting<?> s : allSettings()) {
            table.append("| `").append(s.key()).append("` | `").append(s.env()).append("` | ").append(s.type())
                    .append(" | ").append(s.defaultValue() == null ? "(none)"
                            : s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`")
                    .append(" | ").append(s.doc().replace("|", "\\|")).append(formerly(s)).append(" |\n");
        }
        return table.toString();
    }

    private static String formerly(Setting<?> s) {
        if (s.deprecatedKeys().isEmpty()) {
            return "";
        }
        return " Formerly " + String.join(", ", s.deprecatedKeys().stream().map(k -> "`" + k + "`").toList())
                + " (deprecated, still read).";
    }
}
