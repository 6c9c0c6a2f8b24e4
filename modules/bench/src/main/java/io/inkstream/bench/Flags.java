package io.inkstream.bench;

/**
 * A driver's command line of {@code --flag value} pairs and the {@code --keep} switch, walked one flag at a
 * time: {@code --help} prints the usage and exits, a flag without a value or an unknown one fails with it.
 */
public final class Flags {

    /** One flag and its value. */
    public record Flag(String name, String value) {
    }

    private final String[] args;
    private final String usage;
    private int next;
    private boolean keep;

    public Flags(String[] args, String usage) {
        this.args = args;
        this.usage = usage;
    }

    /** The next flag with its value, or null at the end. */
    public Flag next() {
        while (next < args.length) {
            String name = args[next++];
            if (name.equals("--keep")) {
                keep = true;
            } else if (name.equals("--help") || name.equals("-h")) {
                System.out.print(usage);
                System.exit(0);
            } else if (next >= args.length) {
                throw new IllegalArgumentException("missing value after " + name + "\n" + usage);
            } else {
                return new Flag(name, args[next++]);
            }
        }
        return null;
    }

    /** The failure for a flag the driver does not know. */
    public IllegalArgumentException unknown(Flag flag) {
        return new IllegalArgumentException("unknown option " + flag.name() + "\n" + usage);
    }

    /** Whether {@code --keep} was given (known once every flag has been read). */
    public boolean keep() {
        return keep;
    }
}
