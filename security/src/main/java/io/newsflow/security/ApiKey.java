package io.newsflow.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A key as it is kept: its secret only as a SHA-256 hash. The secret is 32 random bytes, so an unsalted fast hash is
 * enough; a password hash would only slow every request.
 *
 * @param source the only source the key may publish as; {@code null} for any
 */
record ApiKey(
        String id, String name, String sha256, Set<String> scopes, String source, Instant createdAt, String createdBy) {

    Caller caller() {
        return new Caller("key:" + id, Optional.ofNullable(source), scopes);
    }
}
