package kz.sailau.kiosk.precinct;

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
 * on its standard input and output; its standard error (logs) goes to {@code node.log} in the node directory.
 */
final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final Writer input;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    final Path directory;

    private NodeProcess(Process process, Path directory) {
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

    /** Starts {@code node run --dir DIR} and waits for its {@code ready} line. */
    static NodeProcess start(Path directory, Path passphraseFile) throws IOException {
        String jar = System.getProperty("sailau.kiosk.jar");
        if (jar == null) {
            throw new AssertionError("system property sailau.kiosk.jar not set: run through failsafe (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "node", "run",
                "--dir", directory.toString(), "--passphrase-file", passphraseFile.toString()));
        Process process = new ProcessBuilder(command).redirectError(
                ProcessBuilder.Redirect.appendTo(directory.resolve("node.log").toFile())).start();
        NodeProcess node = new NodeProcess(process, directory);
        String ready = node.next(60);
        if (!ready.startsWith("ready ")) {
            throw new AssertionError("node did not start: " + ready + "\n" + node.log());
        }
        return node;
    }

    /** Sends one request without waiting. */
    void send(String request) throws IOException {
        input.write(request + "\n");
        input.flush();
    }

    /** The next answer line. */
    String next(int seconds) {
        try {
            String line = answers.poll(seconds, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no answer from the node within " + seconds + " s\n" + log());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Sends a request and returns its answer. */
    String ask(String request) throws IOException {
        send(request);
        return next(60);
    }

    /** The process id. */
    long pid() {
        return process.pid();
    }

    /** Kills the JVM with SIGKILL (no shutdown hooks) and waits for it to die. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** Whether the JVM is still running. */
    boolean alive() {
        return process.isAlive();
    }

    /** The node's log so far. */
    String log() {
        try {
            Path log = directory.resolve("node.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "<log unreadable>";
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            try {
                send("quit");
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
