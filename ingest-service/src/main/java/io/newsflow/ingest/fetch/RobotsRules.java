package io.newsflow.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host's robots.txt as it applies to one crawler (RFC 9309): the groups naming its token, else the {@code *} group;
 * the longest matching rule decides, Allow winning a tie; {@code *} and {@code $} in paths. {@code Crawl-delay}, which
 * the RFC leaves out but many sites use, is read too.
 */
record RobotsRules(List<Rule> rules, Optional<Duration> crawlDelay) {

    record Rule(boolean allow, String path, Pattern pattern) {}

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), Optional.empty());
    static final RobotsRules DISALLOW_ALL =
            new RobotsRules(List.of(new Rule(false, "/", Pattern.compile("/.*", Pattern.DOTALL))), Optional.empty());

    boolean allows(String pathAndQuery) {
        if (pathAndQuery.equals("/robots.txt")) {
            return true;
        }
        Rule best = null;
        for (var rule : rules) {
            if (rule.pattern().matcher(pathAndQuery).lookingAt()) {
                if (best == null
                        || rule.path().length() > best.path().length()
                        || rule.path().length() == best.path().length() && rule.allow()) {
                    best = rule;
                }
            }
        }
        return best == null || best.allow();
    }

    static RobotsRules parse(String text, String token) {
        var own = new Group();
        var any = new Group();
        var agents = new ArrayList<String>();
        var inRules = false;
        for (var raw : text.split("\\R")) {
            var hash = raw.indexOf('#');
            var line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            var colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            var key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            var value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            if (!key.equals("allow") && !key.equals("disallow") && !key.equals("crawl-delay")) {
                continue;
            }
            inRules = true;
            for (var agent : agents) {
                var group = agent.equals("*") ? any : matches(agent, token) ? own : null;
                if (group != null) {
                    group.add(key, value);
                }
            }
        }
        var chosen = own.seen ? own : any;
        return new RobotsRules(List.copyOf(chosen.rules), Optional.ofNullable(chosen.crawlDelay));
    }

    private static boolean matches(String agent, String token) {
        return !agent.isEmpty() && token.startsWith(agent.split("/")[0]);
    }

    private static final class Group {
        final List<Rule> rules = new ArrayList<>();
        Duration crawlDelay;
        boolean seen;

        void add(String key, String value) {
            seen = true;
            if (key.equals("crawl-delay")) {
                try {
                    crawlDelay = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                } catch (NumberFormatException ignored) {
                    // an unreadable delay is no delay
                }
                return;
            }
            if (value.isEmpty()) {
                return; // "Disallow:" with nothing allows everything
            }
            rules.add(new Rule(key.equals("allow"), value, pattern(value)));
        }

        private static Pattern pattern(String path) {
            var regex = new StringBuilder();
            var anchored = path.endsWith("$");
            var body = anchored ? path.substring(0, path.length() - 1) : path;
            var parts = body.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(parts[i]));
            }
            if (anchored) {
                regex.append("$");
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
