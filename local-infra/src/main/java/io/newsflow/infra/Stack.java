package io.newsflow.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code newsflow} command: runs Kafka, Elasticsearch and the three services as local processes, each with a pid
 * file and a log file under {@code .newsflow/} in the project folder.
 *
 * <pre>Stack up [--detach] | down | status</pre>
 */
public final class Stack {

    private static final Pattern ARTICLE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration SAMPLES_TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Settings settings;
    private final PrintStream out;
    private final List<Component> started = Collections.synchronizedList(new ArrayList<>());

    Stack(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("newsflow.home", "")).toAbsolutePath();
        Stack stack = new Stack(Settings.from(home, System.getenv()), System.out);
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "up" ->
                    stack.up(List.of(args).contains("--detach") || List.of(args).contains("-d"));
                case "down" -> stack.down();
                case "status" -> stack.status();
                default -> {
                    System.out.println("Usage: Stack up [--detach] | down | status");
                    System.exit("help".equals(command) ? 0 : 2);
                }
            }
        } catch (InfraException e) {
            System.err.println("newsflow: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Ports and folders, from {@code NEWSFLOW_*} environment variables with the documented defaults. */
    record Settings(
            Path home,
            int kafkaPort,
            int kafkaControllerPort,
            int elasticsearchPort,
            int ingestPort,
            int enrichPort,
            int searchPort,
            String elasticsearchJavaOpts) {

        static Settings from(Path home, Map<String, String> env) {
            int kafkaPort = port(env, "NEWSFLOW_KAFKA_PORT", 9092);
            return new Settings(
                    home,
                    kafkaPort,
                    port(env, "NEWSFLOW_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                    port(env, "NEWSFLOW_ELASTICSEARCH_PORT", 9200),
                    port(env, "NEWSFLOW_INGEST_PORT", 8081),
                    port(env, "NEWSFLOW_ENRICH_PORT", 8082),
                    port(env, "NEWSFLOW_SEARCH_PORT", 8083),
                    env.getOrDefault("NEWSFLOW_ELASTICSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m"));
        }

        private static int port(Map<String, String> env, String name, int defaultPort) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new InfraException(name + "=" + value + " is not a port number (1-65535).");
            }
        }

        Path stateDir() {
            return home.resolve(".newsflow");
        }

        Path logFile(String name) {
            return stateDir().resolve("logs").resolve(name + ".log");
        }

        Path pidFile(String name) {
            return stateDir().resolve(name + ".pid");
        }
    }

    /** One managed process: how to recognise, check, start and stop it. */
    abstract static class Component {

        final String name;
        final int port;
        final String portVariable;
        final Duration startTimeout;
        final Settings settings;

        Component(String name, int port, String portVariable, Duration startTimeout, Settings settings) {
            this.name = name;
            this.port = port;
            this.portVariable = portVariable;
            this.startTimeout = startTimeout;
            this.settings = settings;
        }

        Path pidFile() {
            return settings.pidFile(name);
        }

        Path logFile() {
            return settings.logFile(name);
        }

        /** What the command line of our process contains, to tell it from a stranger that reused its pid. */
        abstract String marker();

        abstract boolean isHealthy();

        /** Starts the process, writes the pid file, and returns once it is healthy. */
        abstract void start();

        List<Integer> ports() {
            return List.of(port);
        }

        Optional<ProcessHandle> running() {
            return Processes.alive(pidFile(), marker());
        }

        void stop() {
            running().ifPresent(process -> Processes.stop(process, Duration.ofSeconds(30)));
            LocalKafka.deleteQuietly(pidFile());
        }

        String url() {
            return "http://localhost:" + port;
        }
    }

    List<Component> components() {
        return List.of(
                kafka(),
                elasticsearch(),
                service("ingest-service", settings.ingestPort(), "NEWSFLOW_INGEST_PORT"),
                service("enrich-service", settings.enrichPort(), "NEWSFLOW_ENRICH_PORT"),
                service("search-service", settings.searchPort(), "NEWSFLOW_SEARCH_PORT"));
    }

    private Component kafka() {
        return new Component("kafka", settings.kafkaPort(), "NEWSFLOW_KAFKA_PORT", Duration.ofSeconds(60), settings) {
            @Override
            String marker() {
                return LocalKafka.MAIN_CLASS;
            }

            @Override
            boolean isHealthy() {
                return LocalKafka.isHealthy(port);
            }

            @Override
            List<Integer> ports() {
                return List.of(port, settings.kafkaControllerPort());
            }

            @Override
            void start() {
                new LocalKafka(settings.stateDir().resolve("kafka"), port, settings.kafkaControllerPort())
                        .logFile(logFile())
                        .pidFile(pidFile())
                        .start(startTimeout);
            }

            @Override
            String url() {
                return "127.0.0.1:" + port;
            }
        };
    }

    private Component elasticsearch() {
        Path dir = settings.stateDir().resolve("elasticsearch");
        return new Component(
                "elasticsearch",
                settings.elasticsearchPort(),
                "NEWSFLOW_ELASTICSEARCH_PORT",
                Duration.ofSeconds(120),
                settings) {
            @Override
            String marker() {
                return "elasticsearch";
            }

            @Override
            boolean isHealthy() {
                return LocalElasticsearch.isHealthy(port);
            }

            @Override
            void start() {
                new LocalElasticsearch(dir, port)
                        .logFile(logFile())
                        .pidFile(pidFile())
                        .javaOpts(settings.elasticsearchJavaOpts())
                        .start(startTimeout);
            }

            @Override
            void stop() {
                LocalElasticsearch.stopServer(dir);
                super.stop();
            }
        };
    }

    private Component service(String module, int port, String portVariable) {
        return new Component(module, port, portVariable, Duration.ofSeconds(120), settings) {
            @Override
            String marker() {
                return module;
            }

            @Override
            boolean isHealthy() {
                return serviceIsReady(port);
            }

            @Override
            void start() {
                Path jar = serviceJar(settings.home(), module);
                List<String> command = new ArrayList<>();
                command.add(Jdk.java(Jdk.home()).toString());
                String javaOpts = System.getenv("NEWSFLOW_SERVICE_JAVA_OPTS");
                if (javaOpts != null && !javaOpts.isBlank()) {
                    command.addAll(List.of(javaOpts.trim().split("\\s+")));
                }
                command.addAll(List.of("-jar", jar.toString()));
                Map<String, String> env = Map.of(
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + settings.kafkaPort(),
                        "SPRING_ELASTICSEARCH_URIS", "http://127.0.0.1:" + settings.elasticsearchPort(),
                        "SERVER_PORT", Integer.toString(port));
                truncate(logFile());
                Process process = Processes.startDetached(command, settings.home(), env, logFile());
                Processes.writePid(pidFile(), process.pid());
                boolean ready = Processes.waitUntil(() -> !process.isAlive() || isHealthy(), startTimeout);
                if (!ready || !process.isAlive()) {
                    String why = process.isAlive()
                            ? "was not ready within " + startTimeout.toSeconds() + " s"
                            : "exited with code " + process.exitValue();
                    Processes.stop(process.toHandle(), Duration.ofSeconds(10));
                    LocalKafka.deleteQuietly(pidFile());
                    throw new InfraException(module + " on port " + port + " " + why + " (GET " + url()
                            + "/actuator/health/readiness). See " + logFile() + ":\n" + Processes.tail(logFile(), 20));
                }
            }
        };
    }

    static boolean serviceIsReady(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Spring Boot fat jar in {@code <module>/target}, ignoring sources, javadoc, test and original jars. */
    static Path serviceJar(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName()
                            .toString()
                            .matches(".*-(sources|javadoc|tests|test-sources|plain)\\.jar"))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IOException("no jar"));
        } catch (IOException e) {
            throw new InfraException("No jar of " + module + " in " + target + ". Build it first: "
                    + "./mvnw -B -DskipTests install (or just run ./newsflow up, which builds what is missing).");
        }
    }

    void up(boolean detach) {
        if (!detach) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopStarted, "newsflow-shutdown"));
        }
        try {
            List<Component> components = components();
            ensure(components.get(0));
            ensure(components.get(1));
            try (ExecutorService executor = Executors.newFixedThreadPool(3)) {
                List<Future<?>> services = components.subList(2, components.size()).stream()
                        .map(service -> executor.submit(() -> ensure(service)))
                        .<Future<?>>map(future -> future)
                        .toList();
                for (Future<?> service : services) {
                    service.get();
                }
            }
        } catch (Exception e) {
            if (detach) {
                stopStarted();
            }
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            if (cause instanceof InfraException infra) {
                throw infra;
            }
            throw new InfraException("Starting Newsflow failed: " + cause, cause);
        }
        loadSamples();
        printUrls();
        if (detach) {
            out.println("Running in the background. Stop everything with: ./newsflow down");
            return;
        }
        out.println("Press Ctrl-C to stop everything this command started.");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reuses a healthy running instance, refuses a port taken by a stranger, and otherwise starts the process. */
    void ensure(Component component) {
        Optional<ProcessHandle> running = component.running();
        if (running.isPresent()) {
            if (Processes.waitUntil(component::isHealthy, component.startTimeout)) {
                out.printf(
                        "%-14s already running (pid %d), reused%n",
                        component.name, running.get().pid());
                return;
            }
            throw new InfraException(
                    component.name + " is running (pid " + running.get().pid() + ") but not healthy. See "
                            + component.logFile() + ", or restart with: ./newsflow down");
        }
        LocalKafka.deleteQuietly(component.pidFile());
        for (int port : component.ports()) {
            Ports.requireFree(port, component.name, "set " + portVariableFor(component, port) + " to a free port");
        }
        out.printf(
                "%-14s starting on port %d, log %s%n", component.name, component.port, relative(component.logFile()));
        started.add(component);
        component.start();
        long pid = component.running().map(ProcessHandle::pid).orElse(-1L);
        out.printf("%-14s healthy (pid %d)%n", component.name, pid);
    }

    private static String portVariableFor(Component component, int port) {
        return port == component.port ? component.portVariable : "NEWSFLOW_KAFKA_CONTROLLER_PORT";
    }

    /** Services first, then Elasticsearch, then Kafka: the reverse of the start order. */
    private void stopStarted() {
        List<Component> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        List<String> order = components().stream().map(c -> c.name).toList();
        toStop.sort((a, b) -> order.indexOf(b.name) - order.indexOf(a.name));
        for (Component component : toStop) {
            out.println("Stopping " + component.name);
            component.stop();
        }
    }

    void down() {
        List<Component> components = new ArrayList<>(components());
        Collections.reverse(components);
        for (Component component : components) {
            Optional<ProcessHandle> running = component.running();
            component.stop();
            out.printf(
                    "%-14s %s%n",
                    component.name,
                    running.map(p -> "stopped (pid " + p.pid() + ")").orElse("not running"));
        }
        for (Component component : components) {
            for (int port : component.ports()) {
                if (!Ports.awaitFree(port, Duration.ofSeconds(10))) {
                    out.printf(
                            "warning: port %d (%s) is still in use by a process that newsflow did not start%n",
                            port, component.name);
                }
            }
        }
    }

    void status() {
        out.printf("%-14s %-8s %-8s %-6s %-9s %s%n", "NAME", "STATE", "PID", "PORT", "HEALTH", "LOG");
        for (Component component : components()) {
            Optional<ProcessHandle> running = component.running();
            String health = running.isEmpty() ? "-" : component.isHealthy() ? "healthy" : "unhealthy";
            out.printf(
                    "%-14s %-8s %-8s %-6d %-9s %s%n",
                    component.name,
                    running.isPresent() ? "running" : "stopped",
                    running.map(p -> Long.toString(p.pid())).orElse("-"),
                    component.port,
                    health,
                    relative(component.logFile()));
        }
    }

    void loadSamples() {
        Path samples = settings.home().resolve("samples");
        List<Path> files;
        try (Stream<Path> list = Files.list(samples)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            out.println("No samples to load (" + samples + " not found).");
            return;
        }
        URI articles = URI.create("http://127.0.0.1:" + settings.ingestPort() + "/api/v1/articles");
        out.println("Loading " + files.size() + " samples into " + articles);
        List<String> accepted = new ArrayList<>();
        for (Path file : files) {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(articles)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                out.printf("  %s -> %d %s%n", relative(file), response.statusCode(), response.body());
                Matcher id = ARTICLE_ID.matcher(response.body());
                if (response.statusCode() == 202 && id.find()) {
                    accepted.add(id.group(1));
                }
            } catch (IOException e) {
                out.printf("  %s -> failed: %s%n", relative(file), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        awaitSearchable(accepted);
    }

    /**
     * Returns once every accepted sample can be found through the search service: the user's first search right after
     * {@code up} then already sees them, instead of racing the enrich and index steps.
     */
    private void awaitSearchable(List<String> ids) {
        long deadline = System.nanoTime() + SAMPLES_TIMEOUT.toNanos();
        for (String id : ids) {
            URI article = URI.create("http://127.0.0.1:" + settings.searchPort() + "/api/v1/articles/" + id);
            while (!answersOk(article)) {
                if (System.nanoTime() > deadline) {
                    out.println("  Samples not searchable yet after " + SAMPLES_TIMEOUT.toSeconds()
                            + " s: see the enrich and search logs.");
                    return;
                }
                Processes.pause(Duration.ofMillis(200));
            }
        }
        out.println("  " + ids.size() + " samples searchable.");
    }

    private static boolean answersOk(URI uri) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printUrls() {
        out.println();
        out.println("Newsflow is up:");
        out.println("  ingest         http://localhost:" + settings.ingestPort() + "   (POST /api/v1/articles)");
        out.println("  enrich         http://localhost:" + settings.enrichPort());
        out.println("  search         http://localhost:" + settings.searchPort() + "   e.g. curl 'http://localhost:"
                + settings.searchPort() + "/api/v1/search?q=peacekeeping'");
        out.println("  elasticsearch  http://localhost:" + settings.elasticsearchPort()
                + "   e.g. curl 'http://localhost:" + settings.elasticsearchPort() + "/_cluster/health?pretty'");
        out.println("  kafka          bootstrap servers 127.0.0.1:" + settings.kafkaPort());
        out.println("Logs: " + relative(settings.stateDir().resolve("logs")) + "/{kafka,elasticsearch,ingest-service,"
                + "enrich-service,search-service}.log");
    }

    private String relative(Path path) {
        return path.startsWith(settings.home())
                ? settings.home().relativize(path).toString()
                : path.toString();
    }

    private static void truncate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
