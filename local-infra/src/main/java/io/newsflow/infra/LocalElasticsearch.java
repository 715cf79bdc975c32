package io.newsflow.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real single-node Elasticsearch from the integ-test-zip distribution on Maven Central, unpacked once into its folder
 * and run as a child process. Elasticsearch refuses to run as root, so as root it runs as the unprivileged system user
 * {@value #RUN_AS_USER}, created on first use. The distribution lacks the analysis-common module, so our plugin
 * {@value #ANALYSIS_PLUGIN} is installed into it to give it the built-in language analyzers ({@code english}, ...).
 */
public final class LocalElasticsearch implements AutoCloseable {

    public static final String RUN_AS_USER = "newsflow";

    /** The name in the plugin's descriptor, and so its folder under {@code plugins/}. */
    public static final String ANALYSIS_PLUGIN = "newsflow-language-analysis";

    private static final System.Logger LOG = System.getLogger(LocalElasticsearch.class.getName());

    private static final Pattern HEALTHY = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow)\"");

    private final Path dir;
    private final int port;
    private Path logFile;
    private Path pidFile;
    private String javaOpts = "-Xms512m -Xmx512m";
    private LocalProcess process;

    public LocalElasticsearch(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.logFile = this.dir.resolve("elasticsearch.log");
    }

    public static LocalElasticsearch onFreePort(Path dir) {
        return new LocalElasticsearch(dir, Ports.free());
    }

    public LocalElasticsearch logFile(Path logFile) {
        this.logFile = logFile.toAbsolutePath();
        return this;
    }

    /** Also records the launcher's pid in this file, so another JVM can find and stop the node. */
    public LocalElasticsearch pidFile(Path pidFile) {
        this.pidFile = pidFile.toAbsolutePath();
        return this;
    }

    /** {@code ES_JAVA_OPTS}, by default a 512 MB heap. */
    public LocalElasticsearch javaOpts(String javaOpts) {
        this.javaOpts = javaOpts;
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Elasticsearch is not started");
        }
        return process.pid();
    }

    /** The pid file Elasticsearch itself writes for its server JVM, under a node folder. */
    public static Path serverPidFile(Path dir) {
        return dir.toAbsolutePath().resolve("logs").resolve("elasticsearch.pid");
    }

    /** Unpacks the distribution if needed, starts the node and waits until the cluster is yellow or green. */
    public LocalElasticsearch start(Duration timeout) {
        Ports.requireFree(port, "Elasticsearch HTTP", "choose another Elasticsearch port");
        Artifacts artifacts = Artifacts.load();
        Path javaHome = Jdk.home();
        Path home = unpack(artifacts);
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        try {
            Files.createDirectories(data);
            Files.createDirectories(logs);
            Files.deleteIfExists(serverPidFile(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalProcess.newLog(logFile);
        installAnalysisPlugin(home, artifacts.analysisPlugin(), javaHome);
        List<String> command = new ArrayList<>();
        if (RootUser.isRoot()) {
            command.addAll(RootUser.prepare(dir, home.resolve("bin/elasticsearch"), data));
        }
        command.addAll(List.of(
                home.resolve("bin/elasticsearch").toString(),
                "-E",
                "discovery.type=single-node",
                "-E",
                "xpack.security.enabled=false",
                "-E",
                "network.host=127.0.0.1",
                "-E",
                "http.port=" + port,
                "-E",
                "transport.port=" + Ports.free(),
                "-E",
                "path.data=" + data,
                "-E",
                "path.logs=" + logs,
                "-E",
                "cluster.name=newsflow",
                // a developer's disk is often fuller than Elasticsearch's 85 % watermark, which would leave replicas
                // and new indices unassigned
                "-E",
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "-p",
                serverPidFile(dir).toString()));
        LocalProcess.Builder node = LocalProcess.builder("Elasticsearch on port " + port)
                .command(command)
                .workDir(home)
                .environment(Map.of("ES_JAVA_HOME", javaHome.toString(), "ES_JAVA_OPTS", javaOpts))
                .logFile(logFile)
                .readyWhen("GET " + url() + "/_cluster/health says yellow or green", () -> isHealthy(port))
                .stopGrace(Duration.ofSeconds(10));
        if (pidFile != null) {
            node.pidFile(pidFile);
        }
        process = node.start();
        try {
            process.awaitReady(timeout);
        } catch (InfraException e) {
            stopServer(dir);
            throw new InfraException(e.getMessage() + "\n(node logs in " + logs + ")", e);
        }
        return this;
    }

    public boolean isHealthy() {
        return process != null && process.isReady();
    }

    /** True when {@code GET /_cluster/health} on 127.0.0.1:port says yellow or green ({@code GET /} does not exist here). */
    public static boolean isHealthy(int port) {
        return HttpProbe.ok(URI.create("http://127.0.0.1:" + port + "/_cluster/health"), body -> HEALTHY.matcher(body)
                .find());
    }

    /** SIGTERM to the server JVM so it shuts down cleanly, then the launcher's whole process tree, then the port. */
    public void stop() {
        stopServer(dir);
        if (process != null) {
            process.stop();
            process = null;
        }
        Ports.awaitFree(port, Duration.ofSeconds(10));
    }

    /** Stops the server JVM named by the pid file Elasticsearch wrote under the node folder, if it still runs. */
    public static void stopServer(Path dir) {
        LocalProcess.running(serverPidFile(dir), "elasticsearch")
                .ifPresent(server -> LocalProcess.stop(server, Duration.ofSeconds(30)));
    }

    @Override
    public void close() {
        stop();
    }

    /** Unpacks into a temporary folder first, so an interrupted unpack never looks like a complete one. */
    Path unpack(Artifacts artifacts) {
        Path home = dir.resolve("elasticsearch-" + artifacts.elasticsearchVersion());
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path staging = dir.resolve(".unpacking");
        try {
            Folders.deleteRecursively(staging);
            Files.createDirectories(staging);
            unzip(artifacts.elasticsearchZip(), staging);
            Folders.deleteRecursively(home);
            Files.move(staging.resolve(home.getFileName()), home, StandardCopyOption.ATOMIC_MOVE);
            Folders.deleteRecursively(staging);
            return home;
        } catch (IOException e) {
            throw new InfraException("Could not unpack " + artifacts.elasticsearchZip() + " into " + dir + ": " + e, e);
        }
    }

    /**
     * Installs the language analysis plugin with {@code bin/elasticsearch-plugin}, again whenever the build produced a
     * different one. Only into this integ-test distribution: where analysis-common exists (the official image), the
     * plugin's analyzer names would clash with the built-in ones. Without the zip (a build that stopped before
     * {@code package}) the node starts as it is, and the search service falls back to standard analysis.
     */
    void installAnalysisPlugin(Path home, Path plugin, Path javaHome) {
        if (!Files.isRegularFile(plugin)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "The language analysis plugin {0} has not been built, so Elasticsearch runs without language "
                            + "analyzers; build it with './mvnw -pl elasticsearch-analysis package'.",
                    plugin);
            return;
        }
        Path installed = home.resolve("plugins").resolve(ANALYSIS_PLUGIN);
        Path installedDigest = home.resolve(ANALYSIS_PLUGIN + ".sha256");
        String digest = sha256(plugin);
        try {
            if (Files.isDirectory(installed)
                    && Files.isRegularFile(installedDigest)
                    && Files.readString(installedDigest).equals(digest)) {
                return;
            }
            Folders.deleteRecursively(installed);
            Files.deleteIfExists(installedDigest);
            int exit = LocalProcess.builder("elasticsearch-plugin")
                    .command(List.of(
                            home.resolve("bin/elasticsearch-plugin").toString(),
                            "install",
                            "--batch",
                            plugin.toUri().toString()))
                    .workDir(home)
                    .environment(Map.of("ES_JAVA_HOME", javaHome.toString()))
                    .logFile(logFile)
                    .run(Duration.ofSeconds(120));
            if (exit != 0) {
                throw new InfraException("Could not install the Elasticsearch plugin " + plugin + " (exit code " + exit
                        + "). See " + logFile + ":\n" + LocalProcess.tail(logFile, 20));
            }
            Files.writeString(installedDigest, digest);
        } catch (IOException e) {
            throw new InfraException("Could not install the Elasticsearch plugin " + plugin + ": " + e, e);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "Installed the plugin {0} into {1}: language analyzers english, german, french, spanish, italian, "
                        + "dutch and portuguese",
                ANALYSIS_PLUGIN,
                home);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip drops Unix modes; only the launcher scripts need the executable bit
                if (out.getParent().getFileName().toString().equals("bin")) {
                    out.toFile().setExecutable(true, false);
                }
            }
        }
    }

    /** Running Elasticsearch from a root process: an unprivileged user that owns the node's folders. */
    static final class RootUser {

        private RootUser() {}

        static boolean isRoot() {
            return output(List.of("id", "-u"))
                    .map(String::trim)
                    .map("0"::equals)
                    .orElse(false);
        }

        /** Creates the user if needed, hands it the folder, checks it can reach it, and returns the command prefix. */
        static List<String> prepare(Path dir, Path launcher, Path data) {
            if (output(List.of("id", "-u", RUN_AS_USER)).isEmpty()) {
                runOrFail(
                        List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS_USER),
                        "create the system user '" + RUN_AS_USER
                                + "' that Elasticsearch runs as (it refuses to run as root)");
            }
            runOrFail(
                    List.of("chown", "-R", RUN_AS_USER + ":" + RUN_AS_USER, dir.toString()),
                    "hand " + dir + " to the user '" + RUN_AS_USER + "'");
            List<String> prefix = Files.isExecutable(Path.of("/usr/bin/setpriv"))
                    ? List.of("setpriv", "--reuid=" + RUN_AS_USER, "--regid=" + RUN_AS_USER, "--init-groups", "--")
                    : List.of("runuser", "-u", RUN_AS_USER, "--");
            List<String> check = new ArrayList<>(prefix);
            check.addAll(List.of("test", "-x", launcher.toString(), "-a", "-w", data.toString()));
            if (output(check).isEmpty()) {
                throw new InfraException("Elasticsearch refuses to run as root, so it runs as the user '" + RUN_AS_USER
                        + "', but that user cannot reach " + dir
                        + ": a parent folder is not traversable by other users "
                        + "(e.g. /root is mode 700). Move the project or its data folder below a traversable path "
                        + "(e.g. /work or /tmp), or allow traversal with 'chmod o+x' on the parent folders.");
            }
            return prefix;
        }

        private static void runOrFail(List<String> command, String purpose) {
            if (output(command).isEmpty()) {
                throw new InfraException("Could not " + purpose + ": '" + String.join(" ", command) + "' failed.");
            }
        }

        /** The command's output if it exits with 0. */
        private static Optional<String> output(List<String> command) {
            try {
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
