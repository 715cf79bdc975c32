package io.newsflow.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Map;

/**
 * ECK's {@code elasticsearch.k8s.elastic.co/v1} Elasticsearch, written from the ECK 3.2 API reference because no
 * package registry reachable here ships that CRD (and its Elastic License 2.0 source stays out of this repository).
 * Read with unknown fields failing; the pod template and the volume claims are Kubernetes' own types, validated by the
 * Kubernetes model like every other object. It holds the fields of the spec these manifests may use: one that ECK
 * has and these records lack fails until it is added here.
 */
final class EckElasticsearch {

    static final String API_VERSION = "elasticsearch.k8s.elastic.co/v1";

    private EckElasticsearch() {}

    record Spec(
            @JsonProperty(required = true) String version,
            String image,
            Http http,
            @JsonProperty(required = true) List<NodeSet> nodeSets,
            UpdateStrategy updateStrategy,
            String volumeClaimDeletePolicy,
            Integer revisionHistoryLimit,
            String serviceAccountName) {}

    record Http(Tls tls) {}

    record Tls(SelfSignedCertificate selfSignedCertificate, Certificate certificate) {}

    record SelfSignedCertificate(Boolean disabled) {}

    record Certificate(String secretName) {}

    record NodeSet(
            @JsonProperty(required = true) String name,
            @JsonProperty(required = true) Integer count,
            // free-form Elasticsearch settings (elasticsearch.yml) in the CRD
            Map<String, Object> config,
            PodTemplateSpec podTemplate,
            List<PersistentVolumeClaim> volumeClaimTemplates) {}

    record UpdateStrategy(ChangeBudget changeBudget) {}

    record ChangeBudget(Integer maxSurge, Integer maxUnavailable) {}
}
