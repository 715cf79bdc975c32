package io.newsflow.infra;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM), run as a child process from the
 * jars in the local Maven repository. Data, configuration and the log live under one folder, reused across starts.
 * Alone by default; {@link #inCluster} makes it one node of several, each a broker and a voter of the controller
 * quorum, with replication factors of the cluster's size (at most 3) and {@code min.insync.replicas} one less.
 */
public final class LocalKafka implements AutoCloseable {

    /** What the broker's command line contains, to tell our broker from a stranger that reused its pid. */
    public static final String MAIN_CLASS = "kafka.Kafka";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Path logFile;
    private Path pidFile;
    private LocalProcess process;
    private int nodeId = 1;
    private List<Integer> controllerPorts;
    private String clusterId;

    public LocalKafka(Path dir, int port, int controllerPort) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = this.dir.resolve("kafka.log");
        this.controllerPorts = List.of(controllerPort);
    }

    /**
     * Makes this broker node {@code nodeId} of a cluster whose node n (from 1) has the controller port {@code
     * controllerPorts[n-1]}; every node's storage is formatted with the same {@code clusterId}. A node only answers
     * requests once a majority of the controllers runs, so the nodes are started side by side.
     */
    public LocalKafka inCluster(int nodeId, List<Integer> controllerPorts, String clusterId) {
        if (nodeId < 1 || nodeId > controllerPorts.size() || controllerPorts.get(nodeId - 1) != controllerPort) {
            throw new IllegalArgumentException(
                    "node " + nodeId + " on controller port " + controllerPort + " is not one of " + controllerPorts);
        }
        this.nodeId = nodeId;
        this.controllerPorts = List.copyOf(controllerPorts);
        this.clusterId = clusterId;
        return this;
    }

    /** A broker on two free ports. */
    public static LocalKafka onFreePorts(Path dir) {
        return new LocalKafka(dir, Ports.free(), Ports.free());
    }

    public LocalKafka logFile(Path logFile) {
        this.logFile = logFile.toAbsolutePath();
        return this;
    }

    /** Also records the broker's pid in this file, so another JVM can find and stop it. */
    public LocalKafka pidFile(Path pidFile) {
        this.pidFile = pidFile.toAbsolutePath();
        return this;
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Kafka is not started");
        }
        return process.pid();
    }

    /** Formats the storage on first use, starts the broker and waits until it answers Kafka requests. */
    public LocalKafka start(Duration timeout) {
        Ports.requireFree(port, "Kafka broker", "choose another Kafka port");
        Ports.requireFree(controllerPort, "Kafka controller", "choose another Kafka controller port");
        Artifacts artifacts = Artifacts.load();
        String java = Jdk.java(Jdk.home()).toString();
        Path config = writeConfig();
        // in the environment: a short command line lets a pid file be checked against the process (/proc, ps)
        Map<String, String> classpath = Map.of("CLASSPATH", artifacts.kafkaClasspath());
        LocalProcess.newLog(logFile);
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            int exit = LocalProcess.builder("Kafka's storage tool")
                    .command(List.of(
                            java,
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            clusterId != null ? clusterId : newClusterId(),
                            "-c",
                            config.toString()))
                    .workDir(dir)
                    .environment(classpath)
                    .logFile(logFile)
                    .run(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new InfraException("Formatting Kafka's storage in " + dataDir() + " failed (exit " + exit
                        + "). See " + logFile + ":\n" + LocalProcess.tail(logFile, 20));
            }
        }
        LocalProcess.Builder broker = LocalProcess.builder("Kafka on port " + port)
                .command(List.of(
                        java,
                        "-Xms128m",
                        "-Xmx512m",
                        "-XX:+UseG1GC",
                        "-Djava.awt.headless=true",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn",
                        MAIN_CLASS,
                        config.toString()))
                .workDir(dir)
                .environment(classpath)
                .logFile(logFile)
                .readyWhen("answering Kafka requests on " + bootstrapServers(), () -> isHealthy(port));
        if (pidFile != null) {
            broker.pidFile(pidFile);
        }
        process = broker.start();
        process.awaitReady(timeout);
        return this;
    }

    public boolean isHealthy() {
        return process != null && process.isReady();
    }

    /**
     * True when a broker on 127.0.0.1:port answers an ApiVersions request. A KRaft broker binds its port early but
     * only answers once it has caught up with the metadata log, so an open port alone is not enough.
     */
    public static boolean isHealthy(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(2000);
            byte[] clientId = "newsflow-probe".getBytes(StandardCharsets.UTF_8);
            int correlationId = 4711;
            ByteBuffer request = ByteBuffer.allocate(4 + 2 + 2 + 4 + 2 + clientId.length);
            request.putInt(request.capacity() - 4)
                    .putShort((short) 18) // ApiVersions
                    .putShort((short) 0)
                    .putInt(correlationId)
                    .putShort((short) clientId.length)
                    .put(clientId);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(request.array());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            return size >= 4 && in.readInt() == correlationId;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 30 s) and waits until its port is free. */
    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
        Ports.awaitFree(port, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    Path writeConfig() {
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir());
            Files.writeString(config, serverProperties());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String serverProperties() {
        // 3 replicas at most however many nodes; one in-sync replica may be lost without refusing writes
        int replicas = Math.min(3, controllerPorts.size());
        int minInSync = Math.max(1, replicas - 1);
        StringBuilder voters = new StringBuilder();
        for (int node = 1; node <= controllerPorts.size(); node++) {
            voters.append(node == 1 ? "" : ",")
                    .append(node)
                    .append("@127.0.0.1:")
                    .append(controllerPorts.get(node - 1));
        }
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=" + nodeId,
                        "controller.quorum.voters=" + voters,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + dataDir(),
                        "num.partitions=1",
                        "auto.create.topics.enable=true",
                        // topics created without a replication factor, and the services' topics their min ISR
                        "default.replication.factor=" + replicas,
                        "min.insync.replicas=" + minInSync,
                        "offsets.topic.replication.factor=" + replicas,
                        "transaction.state.log.replication.factor=" + replicas,
                        "transaction.state.log.min.isr=" + minInSync,
                        "share.coordinator.state.topic.replication.factor=" + replicas,
                        "share.coordinator.state.topic.min.isr=" + minInSync,
                        "group.initial.rebalance.delay.ms=0",
                        "")
                .replace("\\", "\\\\");
    }

    /**
     * Kafka's cluster ids are 16 random bytes in unpadded URL-safe base64, like {@code Uuid.randomUuid()}, and like it
     * never start with '-': the storage tool would take such an id for an option (one start in 64 failed so).
     */
    public static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            var id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
