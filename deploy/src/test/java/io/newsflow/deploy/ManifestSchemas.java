package io.newsflow.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates every rendered object against the schema of its kind: Kubernetes' own kinds against fabric8's model of
 * the Kubernetes API, Strimzi's against Strimzi's model classes ({@code io.strimzi:api}, from which Strimzi generates
 * its CRDs), KEDA's and ECK's against {@link KedaScaledObject} and {@link EckElasticsearch}
 * in a {@link CustomResource}. Unknown fields count as
 * errors everywhere: the models keep them aside instead of failing, so every object graph is walked for them. A kind
 * without a schema here is an error too.
 */
final class ManifestSchemas {

    /** The kinds the manifests may hold, with their API version and the model that is their schema. */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("Namespace", Kind.of(Namespace.class)),
            Map.entry("ConfigMap", Kind.of(ConfigMap.class)),
            Map.entry("Secret", Kind.of(Secret.class)),
            Map.entry("Service", Kind.of(Service.class)),
            Map.entry("Deployment", Kind.of(Deployment.class)),
            Map.entry("PodDisruptionBudget", Kind.of(PodDisruptionBudget.class)),
            Map.entry("Kafka", Kind.of(Kafka.class)),
            Map.entry("KafkaNodePool", Kind.of(KafkaNodePool.class)),
            Map.entry("KafkaTopic", Kind.of(KafkaTopic.class)),
            Map.entry("ScaledObject", Kind.custom(KedaScaledObject.API_VERSION, KedaScaledObject.Spec.class)),
            Map.entry("Elasticsearch", Kind.custom(EckElasticsearch.API_VERSION, EckElasticsearch.Spec.class)));

    /** The one version of Strimzi's API these manifests use, the only one Strimzi 1.x serves. */
    private static final String STRIMZI_VERSION = "v1";

    // shared: building it scans the class path for every model class
    private static final ObjectMapper MAPPER = strictKubernetesMapper();

    List<String> validate(List<ObjectNode> objects) {
        var problems = new ArrayList<String>();
        for (var object : objects) {
            var name = object.path("kind").asText() + " "
                    + object.path("metadata").path("name").asText();
            problems.addAll(validate(object).stream()
                    .map(problem -> name + ": " + problem)
                    .toList());
        }
        return problems;
    }

    List<String> validate(ObjectNode object) {
        var kind = KINDS.get(object.path("kind").asText());
        if (kind == null) {
            return List.of("no schema for kind '" + object.path("kind").asText() + "'");
        }
        if (!kind.apiVersion().equals(object.path("apiVersion").asText())) {
            return List.of(
                    "apiVersion is '" + object.path("apiVersion").asText() + "', the schema's is " + kind.apiVersion());
        }
        Object model;
        try {
            model = MAPPER.treeToValue(object, kind.model());
        } catch (Exception e) {
            return List.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
        var problems = new ArrayList<String>();
        walk(model, "", problems);
        return problems;
    }

    <T> T read(ObjectNode object, JavaType type) {
        try {
            return MAPPER.treeToValue(object, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a valid " + type + ": " + object, e);
        }
    }

    private static ObjectMapper strictKubernetesMapper() {
        var mapper = new ObjectMapper();
        // registers fabric8's model modules and deserializers on the mapper
        new KubernetesSerialization(mapper, true);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        // The API server refuses a number or a boolean where its schema says string (ConfigMap data, KEDA metadata).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reports fields the model kept aside as unknown, required fields left out, and Strimzi's per-version presence
     * and bounds, which its CRD generator turns into the CRD's schema.
     */
    private void walk(Object value, String path, List<String> problems) {
        if (value == null || value instanceof Enum<?>) {
            return;
        }
        if (path.chars().filter(c -> c == '.').count() > 40) {
            throw new IllegalStateException("The model does not end at " + path);
        }
        if (value instanceof Collection<?> items) {
            var index = 0;
            for (var item : items) {
                walk(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key, problems));
            return;
        }
        var type = value.getClass();
        var packageName = type.getPackageName();
        if (!packageName.startsWith("io.fabric8.kubernetes.api.model")
                && !packageName.startsWith("io.strimzi.api")
                && !packageName.equals(ManifestSchemas.class.getPackageName())) {
            return;
        }
        unknownFields(value).forEach(field -> problems.add("unknown field " + path + "." + field));
        JavaType javaType = MAPPER.constructType(type);
        var description = MAPPER.getSerializationConfig().introspect(javaType);
        for (var property : description.findProperties()) {
            var accessor = property.getAccessor();
            if (accessor == null) {
                continue;
            }
            // the records of this package are package-private
            accessor.fixAccess(true);
            var child = accessor.getValue(value);
            var field = path + "." + property.getName();
            var required = annotation(property, JsonProperty.class)
                            .map(JsonProperty::required)
                            .orElse(false)
                    || annotation(property, RequiredInVersions.class)
                            .map(versions -> inVersionOne(versions.value()))
                            .orElse(false);
            if (child == null && required) {
                problems.add("missing required field " + field);
            }
            if (child != null
                    && annotation(property, PresentInVersions.class)
                            .map(versions -> !inVersionOne(versions.value()))
                            .orElse(false)) {
                problems.add("field " + field + " is not in the API version " + STRIMZI_VERSION);
            }
            if (child instanceof Number number) {
                annotation(property, Minimum.class)
                        .filter(minimum -> number.longValue() < minimum.value())
                        .ifPresent(minimum -> problems.add(field + " is " + number + ", below " + minimum.value()));
                annotation(property, Maximum.class)
                        .filter(maximum -> number.longValue() > maximum.value())
                        .ifPresent(maximum -> problems.add(field + " is " + number + ", above " + maximum.value()));
            }
            walk(child, field, problems);
        }
    }

    /** An annotation of a property, wherever the model put it: on its getter, its setter or its field. */
    private static <A extends Annotation> Optional<A> annotation(BeanPropertyDefinition property, Class<A> type) {
        return Stream.of(property.getGetter(), property.getSetter(), property.getField())
                .filter(Objects::nonNull)
                .map(member -> member.getAnnotation(type))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** Whether Strimzi's version range ("v1+", "v1beta2-v1beta2", "all") includes the version these manifests use. */
    private static boolean inVersionOne(String range) {
        return Stream.of(range.split(","))
                .map(String::trim)
                .anyMatch(part -> part.equals("all")
                        || part.endsWith("+")
                        || part.equals(STRIMZI_VERSION)
                        || part.endsWith("-" + STRIMZI_VERSION));
    }

    private static Collection<String> unknownFields(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            return getter.invoke(value) instanceof Map<?, ?> unknown
                    ? unknown.keySet().stream().map(String::valueOf).toList()
                    : List.of();
        } catch (NoSuchMethodException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the unknown fields of " + value.getClass(), e);
        }
    }

    private record Kind(String apiVersion, JavaType model) {

        static Kind of(Class<? extends HasMetadata> model) {
            return new Kind(
                    HasMetadata.getApiVersion(model),
                    TypeFactory.defaultInstance().constructType(model));
        }

        static Kind custom(String apiVersion, Class<?> spec) {
            return new Kind(apiVersion, customResource(spec));
        }
    }

    static JavaType customResource(Class<?> spec) {
        return TypeFactory.defaultInstance().constructParametricType(CustomResource.class, spec);
    }
}
