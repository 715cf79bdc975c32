/**
 * The article events Newsflow exchanges on Kafka.
 *
 * <p>The wire format is JSON, described for non-Java consumers by the JSON Schemas under {@code schemas/} on the
 * classpath and in {@code docs/events.md}. Compatibility rule: within a major {@code schemaVersion} changes are
 * additive only, and every consumer ignores fields it does not know.
 */
package io.newsflow.events;
