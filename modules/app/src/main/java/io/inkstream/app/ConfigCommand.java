package io.inkstream.app;

import io.inkstream.platform.config.CommonSettings;
import io.inkstream.platform.config.Setting;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

/** {@code inkstream config}: the table of every setting, generated from their declarations. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every setting (property, environment variable, default, meaning) as a Markdown table.")
final class ConfigCommand implements Runnable {

    @Override
    public void run() {
        System.out.print(markdownTable());
    }

    /** Every declared setting: the common ones, then each service's. */
    static List<Setting<?>> allSettings() {
        List<Setting<?>> all = new ArrayList<>(CommonSettings.ALL);
        all.addAll(Services.SETTINGS);
        all.addAll(io.inkstream.app.demo.DemoSettings.ALL);
        return all;
    }

    static String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| property | environment variable | type | default | meaning |\n");
        table.append("|---|---|---|---|---|\n");
        for (Setting<?> s : allSettings()) {
            table.append("| `").append(s.key()).append("` | `").append(s.env()).append("` | ").append(s.type())
                    .append(" | ").append(s.defaultValue() == null ? "(none)"
                            : s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`")
                    .append(" | ").append(s.doc().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }
}
