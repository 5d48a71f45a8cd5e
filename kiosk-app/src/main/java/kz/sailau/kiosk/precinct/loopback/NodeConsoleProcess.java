package kz.sailau.kiosk.precinct.loopback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One precinct node as its own JVM: the real {@code sailau-kiosk.jar node run}, driven through the node console
 * ({@link kz.sailau.kiosk.precinct.PrecinctNodeConsole}) on its standard input and output; its standard error
 * (logs) goes to {@code node.log} in the node directory. Used by the simulation and the tests.
 */
public final class NodeConsoleProcess implements AutoCloseable {

    private final Process process;
    private final Writer input;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path directory;

    private NodeConsoleProcess(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    answers.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
            answers.add("<eof>");
        }, "node-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -jar JAR node run --dir DIR} and waits for its {@code ready} line.
     *
     * @throws IOException           if the JVM cannot be started
     * @throws IllegalStateException if the node does not become ready within a minute
     */
    public static NodeConsoleProcess start(Path jar, Path directory, Path passphraseFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "node", "run",
                "--dir", directory.toString(), "--passphrase-file", passphraseFile.toString()));
        Process process = new ProcessBuilder(command).redirectError(
                ProcessBuilder.Redirect.appendTo(directory.resolve("node.log").toFile())).start();
        NodeConsoleProcess node = new NodeConsoleProcess(process, directory);
        String ready = node.next(60);
        if (!ready.startsWith("ready ")) {
            node.kill();
            throw new IllegalStateException("node did not start: " + ready + "\n" + node.log());
        }
        return node;
    }

    /** Sends one request without waiting. */
    public void send(String request) throws IOException {
        input.write(request + "\n");
        input.flush();
    }

    /** The next answer line. */
    public String next(int seconds) {
        try {
            String line = answers.poll(seconds, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("no answer from the node " + directory.getFileName() + " within "
                        + seconds + " s");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Sends a request and returns its answer. */
    public String ask(String request) throws IOException {
        send(request);
        return next(60);
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Kills the JVM with SIGKILL (no shutdown hooks) and waits for it to die. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the JVM is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    /** The node's log so far. */
    public String log() {
        try {
            Path log = directory.resolve("node.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "<log unreadable>";
        }
    }

    /** The node directory. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            try {
                send("quit");
            } catch (IOException ignored) {
                // already gone
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }
}
