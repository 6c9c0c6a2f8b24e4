package io.inkstream.app;

import io.inkstream.platform.DataDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One data directory has one owner, across processes: while another JVM holds a directory, {@code up --fresh}
 * on it refuses with one line naming it, and deletes nothing (it used to delete a running stack's data).
 */
class DataDirOwnerTest {

    /** The other process: takes the lock, says so, holds it until its input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
                System.out.println("locked " + lock.dir());
                System.out.flush();
                while (System.in.read() != -1) {
                    // hold until the test closes our input
                }
            }
        }
    }

    @Test
    void freshRefusesADirectoryAnotherProcessHoldsAndDeletesNothing(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("kafka"));
        Files.writeString(data.resolve("kafka/meta.properties"), "cluster.id=running\n");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).startsWith("locked ");

            StringWriter err = new StringWriter();
            var cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute("up", "--fresh", "--data-dir", data.toString(), "--port", "0",
                    "--kafka-port", "0", "--registry-port", "0");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).doesNotContain("\n")
                    .contains("the data directory " + data.toAbsolutePath().normalize() + " is in use")
                    .contains("pid " + other.pid());
            assertThat(data.resolve("kafka/meta.properties")).hasContent("cluster.id=running");
        } finally {
            other.getOutputStream().close();
            other.waitFor(10, TimeUnit.SECONDS);
            other.destroyForcibly();
        }
        // once the other process is gone (however it ended) the directory is free again
        DataDirLock.acquire(data).close();
    }
}
