package io.newsflow.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.List;
import java.util.Map;

/**
 * KEDA's {@code keda.sh/v1alpha1} ScaledObject, written from KEDA 2.18's ScaledObject reference because neither Maven
 * Central nor npm ships KEDA's CRD as a schema (npm's {@code @kubernetes-models/keda} holds compiled validators that let
 * unknown fields through). It is read with unknown fields
 * failing, so a misspelt or misplaced field fails as it would under {@code kubectl apply --validate=strict}. It holds
 * the fields of the CRD's spec that a ScaledObject of a Deployment uses.
 */
final class KedaScaledObject {

    static final String API_VERSION = "keda.sh/v1alpha1";

    private KedaScaledObject() {}

    record Spec(
            @JsonProperty(required = true) ScaleTarget scaleTargetRef,
            Integer pollingInterval,
            Integer initialCooldownPeriod,
            Integer cooldownPeriod,
            Integer idleReplicaCount,
            Integer minReplicaCount,
            Integer maxReplicaCount,
            Advanced advanced,
            Fallback fallback,
            @JsonProperty(required = true) List<Trigger> triggers) {}

    record ScaleTarget(
            String apiVersion,
            String kind,
            @JsonProperty(required = true) String name,
            String envSourceContainerName) {}

    record Advanced(
            HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig,
            Boolean restoreToOriginalReplicaCount,
            ScalingModifiers scalingModifiers) {}

    record HorizontalPodAutoscalerConfig(String name, HorizontalPodAutoscalerBehavior behavior) {}

    record ScalingModifiers(String formula, String target, String activationTarget, String metricType) {}

    record Fallback(
            @JsonProperty(required = true) Integer failureThreshold,
            @JsonProperty(required = true) Integer replicas,
            String behavior) {}

    record Trigger(
            @JsonProperty(required = true) String type,
            String name,
            Boolean useCachedMetrics,
            String metricType,
            // map[string]string in the CRD: a number here is rejected by the API server, and by this model
            @JsonProperty(required = true) Map<String, String> metadata,
            AuthenticationRef authenticationRef) {}

    record AuthenticationRef(@JsonProperty(required = true) String name, String kind) {}
}
