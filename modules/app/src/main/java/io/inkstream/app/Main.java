package io.inkstream.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code inkstream} command. */
@Command(name = "inkstream", mixinStandardHelpOptions = true, version = "inkstream 0.1.0",
        description = "Event-driven publishing pipeline for news: wire feeds in, pages, feeds and events out.",
        subcommands = {UpCommand.class, RunCommand.class, SendCommand.class, ReingestCommand.class, ConfigCommand.class,
                PartnersCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // Clear one-line messages for expected failures (busy port, bad setting), stack traces only with --debug.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("inkstream: " + e.getMessage());
            if (System.getenv("INKSTREAM_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
