package io.newsflow.kafka;

import java.util.Locale;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The environment variable that sets a property, by Spring Boot's relaxed binding: the elements in their uniform
 * form (lower case, dashes dropped), upper-cased and joined by underscores, so that a list index becomes an element
 * of its own ({@code newsflow.ingest.feeds.allowed-hosts[0]} is {@code NEWSFLOW_INGEST_FEEDS_ALLOWEDHOSTS_0}).
 */
public final class EnvironmentVariables {

    private EnvironmentVariables() {}

    /** @param property a property name in any form Boot accepts ({@code max-items-per-poll}, {@code maxItemsPerPoll}) */
    public static String of(String property) {
        var name = ConfigurationPropertyName.adapt(property, '.');
        var variable = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (!variable.isEmpty()) {
                variable.append('_');
            }
            variable.append(
                    name.getElement(i, ConfigurationPropertyName.Form.UNIFORM).toUpperCase(Locale.ROOT));
        }
        return variable.toString();
    }
}
