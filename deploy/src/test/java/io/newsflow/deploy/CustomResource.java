package io.newsflow.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * An object of a CRD that no package registry reachable here ships as a model or a schema (KEDA's, ECK's): Kubernetes'
 * envelope around a spec modelled in this package. {@code status} is the operator's, so it is not allowed here.
 */
record CustomResource<S>(
        @JsonProperty(required = true) String apiVersion,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) ObjectMeta metadata,
        @JsonProperty(required = true) S spec) {}
