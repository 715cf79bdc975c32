package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize our manifests use:
 * {@code resources} (files and directories), {@code namespace}, {@code images} and JSON 6902 {@code patches} with a
 * target. Anything else in a kustomization fails the rendering instead of being ignored, so the test never validates
 * something other than what {@code kubectl apply -k} would apply. No kustomize binary is needed, nor any network.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomize() {}

    static List<ObjectNode> build(Path directory) {
        var kustomization =
                (ObjectNode) readAll(directory.resolve("kustomization.yaml")).getFirst();
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new InvalidKustomizationException(directory + ": '" + field + "' is not supported here");
            }
        });
        var objects = new ArrayList<ObjectNode>();
        for (var resource : kustomization.path("resources")) {
            var path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else {
                readAll(path).forEach(document -> objects.add((ObjectNode) document));
            }
        }
        for (var patch : kustomization.path("patches")) {
            applyPatch(directory, patch, objects);
        }
        for (var image : kustomization.path("images")) {
            setImage(image, objects);
        }
        if (kustomization.hasNonNull("namespace")) {
            var namespace = kustomization.get("namespace").asText();
            objects.stream()
                    .filter(object ->
                            !CLUSTER_SCOPED.contains(object.path("kind").asText()))
                    .forEach(object -> ((ObjectNode) object.get("metadata")).put("namespace", namespace));
        }
        return objects;
    }

    static List<JsonNode> readAll(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(document -> !document.isNull() && !document.isMissingNode() && !document.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> objects) {
        JsonNode operations;
        try {
            operations = patch.has("path")
                    ? YAML.readTree(
                            directory.resolve(patch.get("path").asText()).toFile())
                    : YAML.readTree(patch.path("patch").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a patch of " + directory, e);
        }
        if (!(operations instanceof ArrayNode)) {
            throw new InvalidKustomizationException(
                    directory + ": only JSON 6902 patches (a list of operations) are supported here: " + patch);
        }
        var target = patch.path("target");
        var matched = 0;
        for (var i = 0; i < objects.size(); i++) {
            if (matches(target, objects.get(i))) {
                objects.set(i, (ObjectNode) JsonPatch.apply(operations, objects.get(i)));
                matched++;
            }
        }
        if (matched == 0) {
            // kustomize ignores it; a patch that no longer applies is a mistake we want to see.
            throw new InvalidKustomizationException(directory + ": the patch for " + target + " matches nothing");
        }
    }

    private static boolean matches(JsonNode target, ObjectNode object) {
        if (target.isMissingNode() || target.isEmpty()) {
            throw new InvalidKustomizationException("a patch needs a target: " + target);
        }
        var apiVersion = object.path("apiVersion").asText();
        var group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        var version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        // As in kustomize, the target's name is a regular expression that must match the whole name.
        return matchesField(target, "kind", object.path("kind").asText())
                && matchesField(
                        target, "name", object.path("metadata").path("name").asText())
                && matchesField(target, "group", group)
                && matchesField(target, "version", version);
    }

    private static boolean matchesField(JsonNode target, String field, String value) {
        return !target.has(field) || Pattern.matches(target.get(field).asText(), value);
    }

    private static void setImage(JsonNode image, List<ObjectNode> objects) {
        var name = image.path("name").asText();
        for (var object : objects) {
            for (var container :
                    object.path("spec").path("template").path("spec").path("containers")) {
                var current = container.path("image").asText();
                var tagAt = current.lastIndexOf(':') > current.lastIndexOf('/') ? current.lastIndexOf(':') : -1;
                var currentName = tagAt < 0 ? current : current.substring(0, tagAt);
                if (!currentName.equals(name)) {
                    continue;
                }
                var newName = image.path("newName").asText(currentName);
                var tag = image.has("newTag")
                        ? ":" + image.get("newTag").asText()
                        : (tagAt < 0 ? "" : current.substring(tagAt));
                ((ObjectNode) container).put("image", newName + tag);
            }
        }
    }

    static final class InvalidKustomizationException extends IllegalStateException {
        InvalidKustomizationException(String message) {
            super(message);
        }
    }
}
