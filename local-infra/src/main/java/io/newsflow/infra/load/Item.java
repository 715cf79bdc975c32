package io.newsflow.infra.load;

import tools.jackson.databind.node.ObjectNode;

/**
 * One article to load, in ingest's push format, and where it came from as the report names it ({@code file} or
 * {@code file:line}).
 */
public record Item(String origin, ObjectNode article) {}
