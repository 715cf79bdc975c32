package io.newsflow.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code OR}, {@code AND} and {@code NOT} as the operators users know from search engines, by rewriting them to
 * simple_query_string's own ({@code |}, {@code +}, {@code -}), which keep working beside them. Only the upper-case
 * words outside quotes are operators, and only where an operator fits: {@code OR}/{@code AND} between two terms,
 * {@code NOT} before one. Anywhere else (a lone {@code OR}, one at either end, {@code "OR"} in a phrase) the word is
 * searched for as it is, so no query is ever refused for its syntax.
 */
final class QuerySyntax {

    private static final Set<String> BINARY = Set.of("OR", "AND");
    private static final String NOT = "NOT";

    private QuerySyntax() {}

    static String toSimpleQueryString(String text) {
        var tokens = tokens(text);
        var out = new ArrayList<String>();
        boolean afterTerm = false;
        for (int i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            var next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (BINARY.contains(token) && afterTerm && next != null && !BINARY.contains(next)) {
                out.add(token.equals("OR") ? "|" : "+");
                afterTerm = false;
            } else if (token.equals(NOT) && next != null && !BINARY.contains(next) && !next.equals(NOT)) {
                out.add("-" + next);
                i++;
                afterTerm = true;
            } else {
                out.add(token);
                afterTerm = true;
            }
        }
        return String.join(" ", out);
    }

    /** The text split at white space outside double quotes; a quoted phrase stays inside its token. */
    private static List<String> tokens(String text) {
        var tokens = new ArrayList<String>();
        var token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
