package io.newsflow.security;

import io.newsflow.kafka.CompactedTopicReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API key, read from a compacted topic keyed by key id (a tombstone revokes), so that a key created at one
 * instance of any service works at all of them and survives restarts. Only hashes are kept, in memory and on Kafka.
 */
final class ApiKeys implements SmartInitializingSingleton, DisposableBean {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final String PREFIX = "nfk_";

    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    private final Optional<ApiKey> configuredAdmin;
    private final KafkaTemplate<String, String> kafka;
    private final CompactedTopicReader<String, String> reader;
    private final Clock clock;

    /** A key and, once, its secret. */
    record Created(ApiKey key, String secret) {}

    @SuppressWarnings("unchecked")
    ApiKeys(
            SecurityProperties properties,
            ConsumerFactory<?, ?> consumers,
            ProducerFactory<?, ?> producers,
            String clientId,
            Clock clock) {
        this.clock = clock;
        this.configuredAdmin = Optional.ofNullable(properties.adminKey())
                .filter(key -> !key.isBlank())
                .map(key -> new ApiKey(
                        "configured-admin",
                        "newsflow.security.admin-key",
                        sha256(key),
                        Set.of(Scopes.ADMIN),
                        null,
                        clock.instant(),
                        "configuration"));
        this.kafka = new KafkaTemplate<>(
                (ProducerFactory<String, String>) producers,
                Map.of(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        this.reader = new CompactedTopicReader<>(
                (ConsumerFactory<String, String>) consumers,
                properties.apiKeys().topic(),
                clientId + "-api-keys",
                Map.of(
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class),
                CompactedTopicReader.defaultBackOff());
    }

    Optional<ApiKey> find(String secret) {
        var hash = sha256(secret);
        if (configuredAdmin.isPresent()
                && MessageDigest.isEqual(
                        hash.getBytes(StandardCharsets.US_ASCII),
                        configuredAdmin.get().sha256().getBytes(StandardCharsets.US_ASCII))) {
            return configuredAdmin;
        }
        // a lookup by hash leaks nothing about the secret through timing: the hash is what is compared
        return Optional.ofNullable(byHash.get(hash));
    }

    List<ApiKey> all() {
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(ApiKey::createdAt))
                .toList();
    }

    Optional<ApiKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Completes once Kafka acknowledged the key, which is then usable at this instance at once. */
    Created create(String name, Set<String> scopes, String source, String createdBy) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var key = new ApiKey(
                UUID.randomUUID().toString(),
                name,
                sha256(secret),
                Set.copyOf(scopes),
                source,
                clock.instant(),
                createdBy);
        send(key.id(), json.writeValueAsString(key));
        apply(key.id(), key);
        return new Created(key, secret);
    }

    boolean revoke(String id) {
        if (!byId.containsKey(id)) {
            return false;
        }
        send(id, null);
        apply(id, null);
        return true;
    }

    boolean isCaughtUp() {
        return reader.isCaughtUp();
    }

    private void send(String id, String value) {
        try {
            kafka.send(reader.topic(), id, value).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyStoreUnavailableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KeyStoreUnavailableException(e);
        }
    }

    private void apply(String id, ApiKey key) {
        var previous = key == null ? byId.remove(id) : byId.put(id, key);
        if (previous != null) {
            byHash.remove(previous.sha256());
        }
        if (key != null) {
            byHash.put(key.sha256(), key);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        apply(record.key(), record.value() == null ? null : json.readValue(record.value(), ApiKey.class));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        reader.follow(records -> records.forEach(this::apply));
    }

    @Override
    public void destroy() {
        reader.stop();
        kafka.destroy();
    }

    /** Kafka did not take a key change in time: the change did not happen (503). */
    static final class KeyStoreUnavailableException extends IllegalStateException {
        KeyStoreUnavailableException(Throwable cause) {
            super("The API key store (Kafka) did not acknowledge the change", cause);
        }
    }
}
